package org.psikg.validate.internal;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.psikg.validate.Result;
import org.psikg.vocab.PSI;

/** Writes results found outside SHACL into a SHACL validation report graph, as SHACL would, with their source. */
public final class ResultGraph {
    private ResultGraph() {
    }

    public static void add(Graph report, List<Result> results) {
        if (results.isEmpty()) {
            return;
        }
        Node root = report.find(Node.ANY, RDF.type.asNode(), SHACL.ValidationReport).nextOptional().map(Triple::getSubject)
                .orElseGet(() -> {
                    Node r = NodeFactory.createBlankNode();
                    report.add(r, RDF.type.asNode(), SHACL.ValidationReport);
                    return r;
                });
        report.find(root, SHACL.conforms, Node.ANY).toList().forEach(report::delete);
        report.add(root, SHACL.conforms, NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean));
        for (Result r : results) {
            Node n = NodeFactory.createBlankNode();
            report.add(root, SHACL.result, n);
            report.add(n, RDF.type.asNode(), SHACL.ValidationResult);
            report.add(n, SHACL.resultSeverity, r.severity().iri());
            report.add(n, SHACL.sourceShape, r.shape());
            report.add(n, SHACL.focusNode, r.focus());
            report.add(n, SHACL.resultMessage, NodeFactory.createLiteralLang(r.message(), "en"));
            if (r.location() != null) {
                report.add(n, PSI.sourceFile, NodeFactory.createLiteralString(r.location().file()));
                report.add(n, PSI.sourceLine, integer(r.location().line()));
                if (r.location().column() > 0) {
                    report.add(n, PSI.sourceColumn, integer(r.location().column()));
                }
            }
        }
    }

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }
}
