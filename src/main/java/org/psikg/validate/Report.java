package org.psikg.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.psikg.error.InputError;
import org.psikg.validate.internal.ResultGraph;
import org.psikg.vocab.PSI;

/**
 * The outcome of a validation: every result, sorted; what the shapes say of themselves (for
 * reports that list every rule, such as JUnit and SARIF); the SHACL validation report as
 * RDF, each result in it with the {@code psi:sourceFile} and {@code psi:sourceLine} it was
 * traced to; and the input errors that kept the graph from being built, if any (then there
 * are no SHACL results: a report of what could be read, so that CI still gets a file).
 * <pre>
 * Report report = validator.validate(dataset);              // or, when the input is broken:
 * Report report = Report.ofInputErrors(e.errors(), shapes);
 * </pre>
 */
public record Report(List<Result> results, Map<Node, ShapeInfo> shapes, Graph shaclReport, List<InputError> inputErrors) {

    public Report(List<Result> results, Map<Node, ShapeInfo> shapes, Graph shaclReport) {
        this(results, shapes, shaclReport, List.of());
    }

    /**
     * The report of an input that could not be built: each error a result of its own (rule:
     * its error code), and in the RDF report a {@code sh:ValidationResult} with the error's
     * message, code ({@code dcterms:identifier}), file, line and column.
     */
    public static Report ofInputErrors(List<InputError> errors, Map<Node, ShapeInfo> shapes) {
        Graph g = GraphFactory.createDefaultGraph();
        Node report = NodeFactory.createBlankNode();
        g.add(report, RDF.type.asNode(), SHACL.ValidationReport);
        g.add(report, SHACL.conforms, NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean));
        for (InputError e : errors) {
            Node r = NodeFactory.createBlankNode();
            g.add(report, SHACL.result, r);
            g.add(r, RDF.type.asNode(), SHACL.ValidationResult);
            g.add(r, SHACL.resultSeverity, SHACL.Violation);
            g.add(r, SHACL.resultMessage, NodeFactory.createLiteralString(e.hint() == null ? e.message() : e.message() + "\n" + e.hint()));
            g.add(r, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(e.code().id()));
            g.add(r, PSI.sourceFile, NodeFactory.createLiteralString(e.location().file()));
            if (e.location().line() > 0) {
                g.add(r, PSI.sourceLine, NodeFactory.createLiteralDT(Integer.toString(e.location().line()), XSDDatatype.XSDinteger));
                if (e.location().column() > 0) {
                    g.add(r, PSI.sourceColumn, NodeFactory.createLiteralDT(Integer.toString(e.location().column()), XSDDatatype.XSDinteger));
                }
            }
        }
        return new Report(List.of(), shapes, g, errors.stream().sorted().toList());
    }

    /** Whether no result reaches {@code threshold}; never when the input had errors. */
    public boolean conforms(Severity threshold) {
        return inputErrors.isEmpty() && results.stream().noneMatch(r -> r.severity().atLeast(threshold));
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

    /**
     * The same report with every source location mapped, in the results and in the RDF
     * report alike: from the names the graph records ({@code seeds/x.yaml}) to the files
     * as they are on disk, with columns where they are known ({@link SourceIndex}).
     */
    public Report relocated(UnaryOperator<SourceLocation> map) {
        List<Result> moved = new ArrayList<>();
        for (Result r : results) {
            moved.add(r.location() == null ? r : new Result(r.severity(), r.shape(), r.focus(), r.path(), r.value(), r.message(),
                    r.constraintComponent(), map.apply(r.location())));
        }
        moved.sort(Result.ORDER);
        Graph g = GraphFactory.createDefaultGraph();
        for (Triple t : shaclReport.find().toList()) {
            if (t.getPredicate().equals(PSI.sourceFile)) {
                Node line = shaclReport.find(t.getSubject(), PSI.sourceLine, Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
                if (line != null && line.isLiteral()) {
                    SourceLocation at = map.apply(new SourceLocation(t.getObject().getLiteralLexicalForm(),
                            Integer.parseInt(line.getLiteralLexicalForm())));
                    g.add(t.getSubject(), PSI.sourceFile, NodeFactory.createLiteralString(at.file()));
                    // The column the corpus gives, unless the result already says its own (the evidence lint's).
                    if (at.column() > 0 && !shaclReport.contains(t.getSubject(), PSI.sourceColumn, Node.ANY)) {
                        g.add(t.getSubject(), PSI.sourceColumn, NodeFactory.createLiteralDT(Integer.toString(at.column()),
                                XSDDatatype.XSDinteger));
                    }
                    continue;
                }
            }
            g.add(t);
        }
        return new Report(List.copyOf(moved), shapes, g, inputErrors);
    }
}
