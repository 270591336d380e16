package org.psikg.rdf.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.psikg.corpus.Article;
import org.psikg.vocab.PSI;
import org.psikg.vocab.PsikgIris;

/**
 * Writes the metadata graph: the dataset (VoID and DCAT), its licence, the vocabularies it
 * uses, and one VoID subset per named graph with its triple count. It holds no time stamp,
 * so that the same seeds give the same bytes.
 */
public final class MetadataMapper {
    static final Node LICENSE = NodeFactory.createURI("https://creativecommons.org/licenses/by/4.0/");
    private static final List<String> VOCABULARIES = List.of(PSI.NS, "http://www.w3.org/ns/oa#",
            "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/org#", "http://purl.org/dc/terms/",
            "http://www.w3.org/2004/02/skos/core#", "http://schema.org/", "http://purl.org/linked-data/cube#");

    private MetadataMapper() {
    }

    /** Call last: counts the triples of every other graph already in {@code out}. */
    public static void map(List<Article> articles, DatasetGraph out) {
        Map<Node, Long> sizes = new HashMap<>();
        out.listGraphNodes().forEachRemaining(graph -> sizes.put(graph, (long) out.getGraph(graph).size()));
        sizes.remove(PsikgIris.METADATA_GRAPH);
        Map<String, String> titles = new TreeMap<>();
        articles.forEach(a -> titles.put(a.id(), a.meta().title()));
        map(titles, sizes, out);
    }

    /**
     * As {@link #map(List, DatasetGraph)}, from the titles of the articles by id and the
     * triple count of every other non-empty graph: for the streaming build, whose article
     * graphs are not in {@code out}.
     */
    public static void map(Map<String, String> titles, Map<Node, Long> sizes, DatasetGraph out) {
        Node g = PsikgIris.METADATA_GRAPH;
        Node ds = PsikgIris.DATASET;
        out.add(g, ds, RDF.type.asNode(), VOID.Dataset.asNode());
        out.add(g, ds, RDF.type.asNode(), DCAT.Dataset.asNode());
        out.add(g, ds, DCTerms.title.asNode(), NodeFactory.createLiteralLang("psikg: the Post-Soviet Integration Knowledge Graph", "en"));
        out.add(g, ds, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "Russia's post-Soviet integration projects, the actors, power instruments and influence factors"
                        + " behind them, as five articles describe them; every statement traced to the quote that supports it."
                        + " Text positions count Unicode code points.", "en"));
        out.add(g, ds, DCTerms.license.asNode(), LICENSE);
        out.add(g, ds, VOID.uriSpace.asNode(), NodeFactory.createLiteralString(PsikgIris.BASE));
        VOCABULARIES.forEach(v -> out.add(g, ds, VOID.vocabulary.asNode(), NodeFactory.createURI(v)));
        long total = 0;
        List<Node> graphs = new java.util.ArrayList<>(sizes.keySet());
        graphs.sort(java.util.Comparator.comparing(Node::getURI));
        for (Node graph : graphs) {
            long n = sizes.get(graph);
            total += n;
            out.add(g, ds, VOID.subset.asNode(), graph);
            out.add(g, graph, RDF.type.asNode(), VOID.Dataset.asNode());
            out.add(g, graph, VOID.triples.asNode(), ArticleMapper.integer(n));
        }
        titles.forEach((id, title) -> {
            Node graph = PsikgIris.graph(id);
            out.add(g, graph, DCTerms.source.asNode(), PsikgIris.article(id));
            out.add(g, graph, RDFS.label.asNode(), NodeFactory.createLiteralLang("statements of " + title, "en"));
        });
        out.add(g, ds, VOID.triples.asNode(), ArticleMapper.integer(total));
    }
}
