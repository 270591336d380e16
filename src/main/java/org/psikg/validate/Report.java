package org.psikg.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.psikg.validate.internal.ResultGraph;

/**
 * The outcome of a validation: every result, sorted; what the shapes say of themselves (for
 * reports that list every rule, such as JUnit and SARIF); and the SHACL validation report as
 * RDF, each result in it with the {@code psi:sourceFile} and {@code psi:sourceLine} it was
 * traced to.
 */
public record Report(List<Result> results, Map<Node, ShapeInfo> shapes, Graph shaclReport) {

    /** Whether no result reaches {@code threshold}. */
    public boolean conforms(Severity threshold) {
        return results.stream().noneMatch(r -> r.severity().atLeast(threshold));
    }

    /**
     * This report with the results of a rule checked outside SHACL (the evidence lint) added:
     * to the results, in order; to the rules, so that reports list it when it passes; and to
     * the RDF report as sh:ValidationResults, with sh:conforms false if any was added.
     */
    public Report with(ShapeInfo rule, List<Result> more) {
        List<Result> all = new ArrayList<>(results);
        all.addAll(more);
        all.sort(Result.ORDER);
        Map<Node, ShapeInfo> rules = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
        rules.putAll(shapes);
        rules.put(rule.shape(), rule);
        Graph rdf = GraphFactory.createDefaultGraph();
        shaclReport.find().forEach(rdf::add);
        rdf.getPrefixMapping().setNsPrefixes(shaclReport.getPrefixMapping());
        ResultGraph.add(rdf, more);
        return new Report(List.copyOf(all), Collections.unmodifiableMap(rules), rdf);
    }

    public Map<Severity, Integer> countBySeverity() {
        Map<Severity, Integer> counts = new TreeMap<>();
        results.forEach(r -> counts.merge(r.severity(), 1, Integer::sum));
        return counts;
    }
}
