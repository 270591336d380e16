package org.psikg.validate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

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

    public Map<Severity, Integer> countBySeverity() {
        Map<Severity, Integer> counts = new TreeMap<>();
        results.forEach(r -> counts.merge(r.severity(), 1, Integer::sum));
        return counts;
    }
}
