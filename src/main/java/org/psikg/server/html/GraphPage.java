package org.psikg.server.html;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.server.Representation;
import org.psikg.vocab.PsikgIris;

/**
 * The HTML page of one named graph: what the metadata graph says about it (its label, its
 * source article, its size), its representations, and every subject it holds, linked to
 * its page with the number of triples about it in this graph. Callers hold a read transaction.
 * <pre>
 * String html = GraphPage.render(dsg, graphIri, values);
 * </pre>
 */
public final class GraphPage {
    private GraphPage() {
    }

    public static String render(DatasetGraph dsg, Node graphName, Values values) {
        Labels labels = values.labels();
        Graph g = dsg.getGraph(graphName);
        Html h = new Html();
        String title = labels.en(graphName);
        h.element("h1", title);
        h.element("p", graphName.getURI(), "class", "iri");
        h.open("table");
        Graph meta = dsg.getGraph(PsikgIris.METADATA_GRAPH);
        meta.find(graphName, Node.ANY, Node.ANY).toList().stream()
                .sorted(Comparator.comparing((org.apache.jena.graph.Triple t) -> t.getPredicate().getURI())
                        .thenComparing(t -> t.getObject().toString()))
                .forEach(t -> {
                    h.open("tr").open("th");
                    values.term(h, t.getPredicate()).close("th").open("td");
                    values.term(h, t.getObject()).close("td").close("tr");
                });
        h.open("tr").element("th", "triples").element("td", Long.toString(g.size())).close("tr");
        h.close("table");
        h.open("p");
        for (Representation r : Representation.RDF) {
            h.link("?format=" + r.shortName(), r.mediaType()).raw(" ");
        }
        h.close("p");
        Map<Node, Integer> subjects = new TreeMap<>(Comparator.comparing(Node::toString));
        g.find().forEach(t -> subjects.merge(t.getSubject(), 1, Integer::sum));
        h.element("h2", "Subjects (" + subjects.size() + ")");
        h.open("table").open("tr").element("th", "subject").element("th", "triples").close("tr");
        subjects.forEach((s, n) -> {
            h.open("tr").open("td");
            values.term(h, s).close("td").element("td", Integer.toString(n)).close("tr");
        });
        h.close("table");
        return Html.page(title, h.toString(), values.head());
    }
}
