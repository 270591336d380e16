package org.psikg.server.html;

import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * A small description graph (the VoID, the service description) as HTML: the main subject
 * first, then every other IRI subject, each as a table of its properties and values, with
 * blank-node values (a checksum, a named graph) shown as tables nested in place.
 * <pre>
 * String html = DescriptionPage.render("VoID", voidGraph, datasetIri, intro, values);
 * </pre>
 */
public final class DescriptionPage {
    private static final int MAX_DEPTH = 5;

    private DescriptionPage() {
    }

    /** {@code intro} is markup the caller wrote with {@link Html}. */
    public static String render(String title, Graph g, Node main, String intro, Values values) {
        Html h = new Html();
        h.element("h1", title);
        h.raw(intro);
        h.open("p");
        for (var r : org.psikg.server.Representation.RDF) {
            h.link("?format=" + r.shortName(), r.mediaType()).raw(" ");
        }
        h.close("p");
        List<Node> subjects = g.find().mapWith(Triple::getSubject).toSet().stream()
                .filter(Node::isURI)
                .sorted(Comparator.comparing((Node n) -> !n.equals(main)).thenComparing(NodeFmtLib::strNT))
                .toList();
        for (Node s : subjects) {
            h.open("h2");
            values.term(h, s);
            h.close("h2");
            table(h, g, s, values, 0);
        }
        return Html.page(title, h.toString(), values.head());
    }

    private static void table(Html h, Graph g, Node s, Values values, int depth) {
        h.open("table");
        g.find(s, Node.ANY, Node.ANY).toList().stream()
                .sorted(Comparator.comparing((Triple t) -> NodeFmtLib.strNT(t.getPredicate()))
                        .thenComparing(t -> t.getObject().isBlank() ? "" : NodeFmtLib.strNT(t.getObject())))
                .forEach(t -> {
                    h.open("tr").open("th");
                    values.term(h, t.getPredicate()).close("th").open("td");
                    if (t.getObject().isBlank() && depth < MAX_DEPTH) {
                        table(h, g, t.getObject(), values, depth + 1);
                    } else {
                        values.term(h, t.getObject());
                    }
                    h.close("td").close("tr");
                });
        h.close("table");
    }
}
