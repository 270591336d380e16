package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The SPARQL protocol at /psikg/sparql and the Graph Store read at /psikg/data, over HTTP. */
class SparqlProtocolTest {
    private static final String GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";
    private static final String CONSTRUCT = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            + "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }";

    @ParameterizedTest(name = "SELECT as {0}")
    @CsvSource({
        "application/sparql-results+json, application/sparql-results+json",
        "application/sparql-results+xml, application/sparql-results+xml",
        "text/csv, text/csv",
        "text/tab-separated-values, text/tab-separated-values",
    })
    void selectInEachResultFormat(String accept, String contentType) {
        HttpResponse<String> r = TestServer.query(GRAPHS, accept);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(contentType, mediaType(r));
        ResultSetLang.init();
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
                org.apache.jena.riot.RDFLanguages.contentTypeToLang(contentType));
        Map<String, Long> counts = new TreeMap<>();
        rs.forEachRemaining(row -> counts.put(row.get("g").toString(), row.get("n").asLiteral().getLong()));
        assertEquals(TestServer.graph().quadsPerGraph(), counts, "GRAPH ?g sees every named graph, whole");
    }

    @ParameterizedTest(name = "CONSTRUCT as {0}")
    @CsvSource({"text/turtle", "application/ld+json", "application/n-triples"})
    void constructInEachRdfFormat(String accept) {
        HttpResponse<String> r = TestServer.query(CONSTRUCT, accept);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(accept, mediaType(r));
        Graph g = parse(r.body(), org.apache.jena.riot.RDFLanguages.contentTypeToLang(accept));
        assertTrue(g.contains(NodeFactory.createURI("https://w3id.org/psikg/id/russia"), Node.ANY,
                NodeFactory.createLiteralLang("Россия", "ru")), "the Russian label of russia is in the answer");
    }

    @Test
    void describeAsTurtle() {
        HttpResponse<String> r = TestServer.query("DESCRIBE <https://w3id.org/psikg/id/eaeu>", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Graph g = parse(r.body(), Lang.TURTLE);
        assertTrue(g.contains(NodeFactory.createURI("https://w3id.org/psikg/id/eaeu"), RDF.type.asNode(), Node.ANY));
    }

    @Test
    void defaultGraphIsTheUnionOfTheNamedGraphs() {
        HttpResponse<String> r = TestServer.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        long union = Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().trim());
        Graph distinct = GraphFactory.createDefaultGraph();
        TestServer.graph().dataset().find().forEachRemaining(q -> distinct.add(q.asTriple()));
        assertEquals(distinct.size(), union, "the default graph holds every distinct triple of the named graphs");
    }

    @Test
    void postFormAndPostQueryBody() {
        HttpResponse<String> form = TestServer.send(TestServer.request("/psikg/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.form("query", GRAPHS))).build());
        assertEquals(200, form.statusCode(), form.body());
        HttpResponse<String> body = TestServer.send(TestServer.request("/psikg/sparql")
                .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(GRAPHS)).build());
        assertEquals(200, body.statusCode(), body.body());
        assertEquals(form.body(), body.body());
        assertEquals(TestServer.query(GRAPHS, "text/csv").body(), body.body());
    }

    @Test
    void askAnswersABoolean() {
        HttpResponse<String> r = TestServer.query("ASK { <https://w3id.org/psikg/id/russia> ?p ?o }", "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("true"), r.body());
    }

    @Test
    void serviceDescriptionWithoutAQuery() {
        HttpResponse<String> r = TestServer.get("/psikg/sparql", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/turtle", mediaType(r));
        Graph sd = parse(r.body(), Lang.TURTLE);
        Node endpoint = NodeFactory.createURI(TestServer.url() + "/psikg/sparql");
        String sdNs = ServiceDescription.SD;
        assertTrue(sd.contains(endpoint, RDF.type.asNode(), NodeFactory.createURI(sdNs + "Service")));
        assertTrue(sd.contains(endpoint, NodeFactory.createURI(sdNs + "feature"), NodeFactory.createURI(sdNs + "UnionDefaultGraph")));
        assertTrue(sd.contains(Node.ANY, NodeFactory.createURI(sdNs + "name"), NodeFactory.createURI("https://w3id.org/psikg/graph/test-article")));
        assertEquals(List.of(), List.copyOf(sd.find(endpoint, NodeFactory.createURI(sdNs + "supportedLanguage"),
                NodeFactory.createURI(sdNs + "SPARQL11Update")).toList()), "no update language is advertised");
        HttpResponse<String> html = TestServer.get("/psikg/sparql", "text/html");
        assertEquals(200, html.statusCode());
        assertEquals("text/html", mediaType(html));
        assertEquals(406, TestServer.get("/psikg/sparql", "image/png").statusCode());
    }

    @Test
    void graphStoreReadsNamedGraphsAndTheUnion() {
        HttpResponse<String> named = TestServer.get("/psikg/data?graph=" + enc("https://w3id.org/psikg/graph/registry"), "application/n-triples");
        assertEquals(200, named.statusCode(), named.body());
        assertEquals(TestServer.graph().quadsPerGraph().get("https://w3id.org/psikg/graph/registry").longValue(),
                parse(named.body(), Lang.NTRIPLES).size());
        HttpResponse<String> union = TestServer.get("/psikg/data?default", "application/n-triples");
        assertEquals(200, union.statusCode(), union.body());
        Graph distinct = GraphFactory.createDefaultGraph();
        TestServer.graph().dataset().find().forEachRemaining(q -> distinct.add(q.asTriple()));
        assertEquals(distinct.size(), parse(union.body(), Lang.NTRIPLES).size(), "?default is the union graph");
        assertEquals(404, TestServer.get("/psikg/data?graph=" + enc("https://w3id.org/psikg/graph/none"), "text/turtle").statusCode());
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String mediaType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "").trim();
    }

    static Graph parse(String text, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, lang).parse(g);
        return g;
    }
}
