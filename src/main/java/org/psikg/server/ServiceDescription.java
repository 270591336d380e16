package org.psikg.server;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.psikg.vocab.PsikgIris;

/**
 * The SPARQL 1.1 Service Description the endpoint answers to a GET without a query: the
 * languages and result formats it supports, that its default graph is the union of the
 * named graphs, each named graph with its size, and, in words, the limits every query runs
 * under. Callers hold a read transaction.
 * <pre>
 * Graph sd = ServiceDescription.graph(data, site, settings);
 * </pre>
 */
public final class ServiceDescription {
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    public static final String FORMATS = "http://www.w3.org/ns/formats/";

    private ServiceDescription() {
    }

    public static Graph graph(ServedData data, Site site, ServerSettings settings) {
        DatasetGraph dsg = data.dataset();
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(data.prefixes());
        g.getPrefixMapping().setNsPrefix("sd", SD);
        g.getPrefixMapping().setNsPrefix("formats", FORMATS);
        Node service = uri(site.endpoint());
        g.add(service, RDF.type.asNode(), uri(SD + "Service"));
        g.add(service, uri(SD + "endpoint"), service);
        g.add(service, uri(SD + "supportedLanguage"), uri(SD + "SPARQL11Query"));
        if (settings.allowUpdate()) {
            g.add(service, uri(SD + "supportedLanguage"), uri(SD + "SPARQL11Update"));
        }
        g.add(service, uri(SD + "feature"), uri(SD + "UnionDefaultGraph"));
        if (settings.allowService()) {
            g.add(service, uri(SD + "feature"), uri(SD + "BasicFederatedQuery"));
        }
        for (String f : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "JSON-LD", "N-Triples", "RDF_XML", "TriG", "N-Quads")) {
            g.add(service, uri(SD + "resultFormat"), uri(FORMATS + f));
        }
        g.add(service, RDFS.comment.asNode(), NodeFactory.createLiteralLang(String.format(
                "Read-only%s. Each query may take %d ms to its first result and %d ms in all (a ?timeout= in seconds may"
                        + " only lower these) and return at most %d rows or triples; a larger result is refused with"
                        + " an error, never cut short. SERVICE is %s; script functions are refused.",
                settings.allowUpdate() ? " unless updates were enabled" : "",
                settings.firstResult().toMillis(), settings.total().toMillis(), settings.maxRows(),
                settings.allowService() ? "allowed" : "refused"), "en"));
        Node dataset = NodeFactory.createBlankNode();
        g.add(service, uri(SD + "defaultDataset"), dataset);
        g.add(dataset, RDF.type.asNode(), uri(SD + "Dataset"));
        g.add(dataset, DCTerms.source.asNode(), PsikgIris.DATASET);
        Node defaultGraph = NodeFactory.createBlankNode();
        g.add(dataset, uri(SD + "defaultGraph"), defaultGraph);
        g.add(defaultGraph, RDF.type.asNode(), uri(SD + "Graph"));
        g.add(defaultGraph, RDFS.comment.asNode(), NodeFactory.createLiteralLang("the union of all named graphs", "en"));
        List<Node> names = new java.util.ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(names::add);
        names.sort(java.util.Comparator.comparing(Node::getURI));
        for (Node name : names) {
            Node named = NodeFactory.createBlankNode();
            Node graph = NodeFactory.createBlankNode();
            g.add(dataset, uri(SD + "namedGraph"), named);
            g.add(named, RDF.type.asNode(), uri(SD + "NamedGraph"));
            g.add(named, uri(SD + "name"), name);
            g.add(named, uri(SD + "graph"), graph);
            g.add(graph, RDF.type.asNode(), uri(SD + "Graph"));
            g.add(graph, VOID.triples.asNode(), NodeFactory.createLiteralDT(Long.toString(dsg.getGraph(name).size()),
                    XSDDatatype.XSDinteger));
        }
        return g;
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }
}
