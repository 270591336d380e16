package org.psikg.validate.internal;

import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.psikg.validate.Severity;
import org.psikg.validate.ShapeInfo;

/** The named shapes of a shapes graph with their label, comment and severity. */
public final class ShapeIndex {
    private ShapeIndex() {
    }

    public static Map<Node, ShapeInfo> of(Graph shapes) {
        Map<Node, ShapeInfo> out = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
        for (Node type : new Node[] {SHACL.NodeShape, SHACL.PropertyShape}) {
            shapes.find(Node.ANY, RDF.type.asNode(), type).forEach(t -> {
                Node s = t.getSubject();
                if (s.isURI()) {
                    out.put(s, info(shapes, s));
                }
            });
        }
        return out;
    }

    private static ShapeInfo info(Graph g, Node shape) {
        String label = literal(g, shape, RDFS.label.asNode());
        return new ShapeInfo(shape, label != null ? label : shape.getLocalName(), literal(g, shape, RDFS.comment.asNode()),
                severity(g, shape));
    }

    private static Severity severity(Graph g, Node shape) {
        return Severity.of(g.find(shape, SHACL.severity, Node.ANY).nextOptional().map(t -> t.getObject()).orElse(SHACL.Violation));
    }

    private static String literal(Graph g, Node s, Node p) {
        Node en = NodeFactory.createLiteralLang("", "en");
        String any = null;
        for (var t : g.find(s, p, Node.ANY).toList()) {
            if (t.getObject().isLiteral()) {
                if (t.getObject().getLiteralLanguage().equals(en.getLiteralLanguage())) {
                    return t.getObject().getLiteralLexicalForm();
                }
                any = t.getObject().getLiteralLexicalForm();
            }
        }
        return any;
    }
}
