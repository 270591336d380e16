package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import org.psikg.rdf.DatasetWriter;

/** The linked-data pages, the VoID, the dumps and the index, as a client sees them. */
class LinkedDataTest {
    private static final Node EAEU = NodeFactory.createURI("https://w3id.org/psikg/id/eaeu");

    @Test
    void entityPageShowsStatementsBothWaysWithEvidence() {
        String html = TestServer.get("/id/eaeu", "text/html").body();
        assertTrue(html.contains("<h1>Eurasian Economic Union <span class=\"ru\" lang=\"ru\">Евразийский экономический союз</span>"), html);
        // An outgoing statement with its quote, in context, and a link to its article.
        assertTrue(html.contains("<mark>The Eurasian Economic Union arrived on January 1, 2015.</mark> In 2015, Armenia joined"), html);
        assertTrue(html.contains("href=\"" + TestServer.url() + "/article/test-article\""), "a link to the article");
        // An incoming arc: the membership node points at the union.
        assertTrue(html.contains("href=\"" + TestServer.url() + "/article/test-article/armenia-in-eaeu\""), "the incoming membership");
        assertTrue(html.contains("<h2>Incoming (1)</h2>"), html);
        assertTrue(html.contains(">open in SPARQL</a>"), html);
        assertTrue(html.contains("<h2>Mentioned in (2)</h2>"), "the annotations whose body is the union");
    }

    @Test
    void evidenceShowsHowItSupportsEachStatement() {
        String eaeu = TestServer.get("/id/eaeu", "text/html").body();
        assertTrue(eaeu.contains("<span class=\"tag mode mode-stated\" title=\"assertion mode (psi:assertionMode)\">stated by the quote</span>"), eaeu);
        String thesis = TestServer.get("/article/test-article/last-attempt", "text/html").body();
        assertTrue(thesis.contains(">hedged by the source: possible</span> <q class=\"hedge\">may</q>"), thesis);
        assertTrue(thesis.contains("<span class=\"tag mode mode-reading\" title=\"assertion mode (psi:assertionMode)\">annotator&#39;s reading</span>")
                || thesis.contains(">annotator's reading</span>"), thesis);
        assertFalse(eaeu.contains("tag mode mode-hedged") || eaeu.contains("tag mode mode-reading"), "the union's own statements are all stated");
    }

    @Test
    void reviewPageShowsASampleOrAnArticleWithModesAndQuotes() {
        HttpResponse<String> article = TestServer.get("/review?article=test-article", "text/html");
        assertEquals(200, article.statusCode(), article.body());
        assertTrue(article.body().contains("<mark>In 2015, Armenia joined"), article.body());
        assertTrue(article.body().contains("class=\"tag mode mode-hedged\">hedged: Possible: may</span>"), article.body());
        assertTrue(article.body().contains("class=\"tag mode mode-reading\">reading</span>"), article.body());
        String a = TestServer.get("/review?sample=3&seed=15", "text/html").body();
        assertEquals(a, TestServer.get("/review?sample=3&seed=15", "text/html").body(), "the same sample for the same seed");
        assertTrue(a.contains("3 statement(s)"), a);
        assertEquals(400, TestServer.get("/review?sample=0", "text/html").statusCode());
        assertEquals(400, TestServer.get("/review", "text/html").statusCode());
        assertEquals(404, TestServer.get("/review?article=nope", "text/html").statusCode());
    }

    @Test
    void openInSparqlCarriesAQueryThatRuns() {
        String html = TestServer.get("/id/eaeu", "text/html").body();
        int at = html.indexOf("/sparql?query=");
        String encoded = html.substring(at + "/sparql?query=".length(), html.indexOf('"', at));
        String query = URLDecoder.decode(encoded.replace("&amp;", "&"), StandardCharsets.UTF_8);
        assertTrue(query.contains("<https://w3id.org/psikg/id/eaeu>"), query);
        HttpResponse<String> r = TestServer.query(query, "text/tab-separated-values");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().lines().count() > 10, r.body());
        // The editor at /sparql fills a tab from ?query= in the browser (BrowserTest sees it); here,
        // the page is the editor, with YASGUI served from this server.
        HttpResponse<String> page = TestServer.get("/sparql?query=" + encoded, "text/html");
        assertEquals(200, page.statusCode());
        assertEquals("text/html", SparqlProtocolTest.mediaType(page));
        assertTrue(page.body().contains("<script src=\"ui/yasgui/4.5.0/yasgui.min.js\"></script>"), page.body());
        assertTrue(page.body().contains("<script src=\"ui/editor.js\"></script>"), page.body());
    }

    @Test
    void editorPageLoadsOnlyThisServersAssetsWithTheirTypes() {
        HttpResponse<String> page = TestServer.get("/sparql", "text/html");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self';")
                && policy.contains("connect-src 'self';"), policy);
        Matcher m = Pattern.compile("<(?:script src|link rel=\"stylesheet\" href)=\"([^\"]*)\"").matcher(page.body());
        Map<String, String> types = Map.of("js", "text/javascript", "css", "text/css");
        int assets = 0;
        while (m.find()) {
            String asset = m.group(1);
            assertTrue(asset.startsWith("ui/"), "loaded from this server, below /ui/: " + asset);
            HttpResponse<byte[]> r = TestServer.getBytes("/" + asset);
            assertEquals(200, r.statusCode(), asset);
            assertEquals(types.get(asset.substring(asset.lastIndexOf('.') + 1)), SparqlProtocolTest.mediaType(r), asset);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), asset);
            if (asset.startsWith("ui/yasgui/")) {
                assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("immutable"), asset);
                assertTrue(r.body().length > 10_000, asset + " is YASGUI's bundle");
            }
            assets++;
        }
        assertEquals(4, assets, "YASGUI's script and style sheet, and the editor's: " + page.body());
    }

    @Test
    void uiServesNothingElseOfTheClasspath() {
        for (String path : new String[] {"/ui/yasgui/4.5.0/yasgui.min.js.map", "/ui/yasgui/4.5.0/package.json",
                "/ui/yasgui/4.5.0/build/yasgui.min.js", "/ui/yasgui/9.9.9/yasgui.min.js", "/ui/describe.rq",
                "/ui/.hidden.js", "/ui/%2e%2e/describe.rq", "/ui/..%2Fdescribe.rq", "/editor.js", "/ui/yasgui/",
                "/META-INF/resources/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.js",
                "/org/psikg/server/ui/index.html", "/org/psikg/server/describe.rq"}) {
            int status = TestServer.get(path, null).statusCode();
            assertTrue(status == 404 || status == 400, path + ": " + status);
        }
    }

    @Test
    void literalsAreEscaped() {
        for (String path : new String[] {"/id/eaeu", "/id/eaeu?format=html"}) {
            String html = TestServer.get(path, "text/html").body();
            assertFalse(html.contains(TestServer.SCRIPT), path + " holds the raw script");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), path + " shows the script as text");
        }
        // In RDF the literal is data, as written.
        Graph g = SparqlProtocolTest.parse(TestServer.get("/id/eaeu", "text/turtle").body(), Lang.TURTLE);
        assertTrue(g.find(EAEU, Node.ANY, Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().isLiteral() && t.getObject().getLiteralLexicalForm().contains(TestServer.SCRIPT)));
    }

    @Test
    void rdfDescriptionHasBothDirections() {
        Graph g = SparqlProtocolTest.parse(TestServer.get("/id/eaeu", "application/n-triples").body(), Lang.NTRIPLES);
        assertTrue(g.contains(EAEU, RDF.type.asNode(), Node.ANY), "outgoing");
        assertTrue(g.contains(NodeFactory.createURI("https://w3id.org/psikg/article/test-article/armenia-in-eaeu"),
                ORG.organization.asNode(), EAEU), "incoming");
        assertTrue(g.contains(Node.ANY, OA.hasBody.asNode(), EAEU), "the annotations that mention it");
        assertTrue(g.find().toList().stream().allMatch(t -> t.getSubject().equals(EAEU) || t.getObject().equals(EAEU)),
                "nothing else");
    }

    @Test
    void ontologyPageDocumentsEveryTerm() {
        String html = TestServer.get("/ontology", "text/html").body();
        Graph onto = TestServer.graph().dataset().getGraph(NodeFactory.createURI("https://w3id.org/psikg/graph/ontology"));
        for (Node type : new Node[] {org.apache.jena.vocabulary.OWL.Class.asNode(), org.apache.jena.vocabulary.OWL.ObjectProperty.asNode(),
                org.apache.jena.vocabulary.OWL.DatatypeProperty.asNode()}) {
            onto.find(Node.ANY, RDF.type.asNode(), type).forEach(t -> {
                String uri = t.getSubject().getURI();
                String anchor = uri.startsWith("https://w3id.org/psikg/ontology#") ? uri.substring(uri.indexOf('#') + 1)
                        : null;
                if (anchor != null) {
                    assertTrue(html.contains("<section id=\"" + anchor + "\">"), "an entry for " + uri);
                }
                assertTrue(html.contains(uri), "the IRI of " + uri);
            });
        }
        // psi:IntegrationProject has one instance (eaeu); psi:startDate is used twice (eaeu, the membership).
        assertTrue(html.matches("(?s).*<section id=\"IntegrationProject\">.*?<th>instances in the data</th>\\s*<td>1</td>.*"), html);
        assertTrue(html.matches("(?s).*<section id=\"startDate\">.*?<th>range</th>.*?xsd:date</a> ∪ .*?<th>triples in the data</th>\\s*<td>2</td>.*"), html);
    }

    @Test
    void voidDescribesTheDatasetEndpointAndDumps() {
        Graph v = SparqlProtocolTest.parse(TestServer.get("/.well-known/void", "text/turtle").body(), Lang.TURTLE);
        Node ds = NodeFactory.createURI("https://w3id.org/psikg/dataset");
        assertTrue(v.contains(ds, VOID.sparqlEndpoint.asNode(), NodeFactory.createURI(TestServer.url() + "/psikg/sparql")));
        assertTrue(v.contains(ds, org.apache.jena.vocabulary.DCTerms.license.asNode(),
                NodeFactory.createURI("https://creativecommons.org/licenses/by/4.0/")));
        for (String dump : Dumps.NAMES) {
            assertTrue(v.contains(ds, VOID.dataDump.asNode(), NodeFactory.createURI(TestServer.url() + "/dumps/" + dump)), dump);
        }
        TestServer.graph().quadsPerGraph().forEach((graph, n) -> {
            if (!graph.endsWith("/metadata")) {
                assertTrue(v.contains(NodeFactory.createURI(graph), VOID.triples.asNode(),
                        NodeFactory.createLiteralDT(Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)), graph);
            }
        });
    }

    @Test
    void dumpsUnzipToTheBuildOutputWithTheirChecksums() throws IOException {
        DatasetWriter writer = DatasetWriter.of(TestServer.graph().dataset(), TestServer.graph().prefixes());
        for (String name : Dumps.NAMES) {
            HttpResponse<byte[]> r = TestServer.getBytes("/dumps/" + name);
            assertEquals(200, r.statusCode());
            assertEquals("application/gzip", SparqlProtocolTest.mediaType(r));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            writer.write(expected, name.contains("trig") ? RDFFormat.TRIG_BLOCKS : RDFFormat.NQUADS);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
                assertArrayEquals(expected.toByteArray(), in.readAllBytes(), name + " is what psikg build writes");
            }
            String sha = new String(TestServer.getBytes("/dumps/" + name + ".sha256").body(), StandardCharsets.UTF_8);
            assertEquals(Dumps.sha256(r.body()) + "  " + name + "\n", sha);
            assertArrayEquals(r.body(), TestServer.getBytes("/dumps/" + name).body(), "the same bytes every time");
        }
        assertEquals(404, TestServer.get("/dumps/psikg.ttl", null).statusCode());
        assertEquals(404, TestServer.get("/dumps/..%2Fpom.xml", null).statusCode() == 400 ? 404
                : TestServer.get("/dumps/..%2Fpom.xml", null).statusCode());
        assertTrue(TestServer.get("/dumps/", "text/html").body().contains("psikg.nq.gz"));
    }

    @Test
    void editorPageLinksEverything() {
        HttpResponse<String> r = TestServer.get("/sparql", "text/html");
        assertEquals(200, r.statusCode());
        // Relative links, so that the page works behind a proxy that adds a path too.
        for (String link : new String[] {"psikg/sparql", "dumps/", ".well-known/void", "ontology", "docs/server.md"}) {
            assertTrue(r.body().contains("href=\"" + link + "\""), link);
            assertEquals(200, TestServer.get("/" + link, "text/html").statusCode(), link);
        }
        assertEquals(200, TestServer.get("/docs/server.md", null).statusCode());
        assertEquals(404, TestServer.get("/docs/nothing.md", null).statusCode());
        assertEquals(404, TestServer.get("/docs/..%2Fpom.xml", null).statusCode() == 400 ? 404
                : TestServer.get("/docs/..%2Fpom.xml", null).statusCode());
        assertEquals(404, TestServer.get("/no/such/page", null).statusCode());
    }
}
