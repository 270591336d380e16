package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import org.psikg.vocab.PsikgIris;

/**
 * The researcher's front over plain HTTP: the front page and its content negotiation, the
 * article reader's markup, the evidence links of entity pages, and conditional GET.
 */
class FrontTest {

    @Test
    void frontPageSaysWhatTheGraphHolds() {
        HttpResponse<String> r = TestServer.get("/", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertEquals("text/html", SparqlProtocolTest.mediaType(r));
        String html = r.body();
        // The fixture's one article, with its title and its link to the reader.
        assertTrue(html.contains("href=\"" + TestServer.url() + "/article/test-article\">Russia"), html);
        assertTrue(html.contains("<div data-kind=\"articles\"><b>1</b>"), html);
        assertTrue(html.contains("<div data-kind=\"integration projects\"><b>"), html);
        assertFalse(html.contains("<div data-kind=\"integration projects\"><b>0</b>"), "the fixture has the EAEU");
        assertTrue(html.contains("<ul class=\"entries\" data-kind=\"IntegrationProject\">"), html);
        assertTrue(html.contains(">Eurasian Economic Union</a>"), html);
        assertTrue(html.contains("href=\"/sparql\""), "the editor is one click away");
        assertTrue(html.contains("action=\"/search\""), "a search box");
        assertTrue(html.contains("<link rel=\"alternate\" type=\"text/turtle\" href=\"?format=ttl\">"), html);
    }

    /** The Vary tokens of an answer, sorted: the page's own and the compression's. */
    static List<String> vary(HttpResponse<?> r) {
        return r.headers().allValues("Vary").stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::strip).filter(t -> !t.isEmpty()).sorted().toList();
    }

    @Test
    void frontPageIsTheVoidForRdfClients() {
        for (String accept : new String[] {"text/turtle", "application/ld+json"}) {
            HttpResponse<String> r = TestServer.get("/", accept);
            assertEquals(200, r.statusCode(), accept);
            assertEquals(accept, SparqlProtocolTest.mediaType(r));
            assertEquals(List.of("Accept", "Accept-Encoding"), vary(r));
            Graph g = RDFParser.create().source(new StringReader(r.body()))
                    .lang(accept.equals("text/turtle") ? Lang.TURTLE : Lang.JSONLD).toGraph();
            assertTrue(g.contains(PsikgIris.DATASET, VOID.sparqlEndpoint.asNode(),
                    NodeFactory.createURI(TestServer.url() + "/psikg/sparql")), r.body());
        }
        assertEquals(406, TestServer.get("/", "image/png").statusCode());
    }

    @Test
    void oldEditorLinksAreRedirected() throws Exception {
        HttpResponse<String> r = TestServer.send(TestServer.request("/?query=ASK%7B%7D&run=1").GET().build());
        assertEquals(302, r.statusCode());
        assertEquals("/sparql?query=ASK%7B%7D&run=1", r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void readerHighlightsEveryPassageWithItsAnchorAndGreysFurniture() {
        String html = TestServer.get("/article/test-article", "text/html").body();
        // An anchor and a highlight for every annotation of the fixture.
        String query = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <http://www.w3.org/ns/oa#Annotation> }";
        long annotations = Long.parseLong(TestServer.query(query, "text/csv").body().lines().skip(1).findFirst().orElseThrow().strip());
        assertEquals(annotations, html.split("<span class=\"anchor\" id=\"").length - 1, html);
        assertEquals(annotations, html.split("<section class=\"panel\"").length - 1, html);
        assertTrue(html.contains("<span class=\"anchor\" id=\"eaeu-start\"></span><a class=\"hl"), html);
        // The two "Advertisment" lines of the fixture are furniture.
        assertEquals(2, html.split("<span class=\"furniture\"").length - 1, html);
        // The PDF's hyphenated line break is joined for reading; the data keeps it.
        assertTrue(html.contains("integra-tion"), html);
        assertTrue(html.contains("<script defer src=\"/ui/reader.js\"></script>"), html);
        assertTrue(html.contains("<details id=\"all-triples\">"), "the raw arcs are folded away");
        HttpResponse<String> js = TestServer.get("/ui/reader.js", null);
        assertEquals(200, js.statusCode());
    }

    @Test
    void entityPagesLinkEachQuoteToItsPassageInTheReader() {
        String html = TestServer.get("/id/eaeu", "text/html").body();
        assertTrue(html.contains("<a class=\"in-reader\" href=\"" + TestServer.url() + "/article/test-article#eaeu-start\">"), html);
    }

    @Test
    void pagesHaveEtagsAndAnswer304() throws Exception {
        for (String path : new String[] {"/", "/id/eaeu", "/article/test-article", "/ontology", "/.well-known/void", "/dumps/"}) {
            HttpResponse<String> first = TestServer.get(path, "text/html");
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
            String modified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertTrue(modified.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), modified);
            assertEquals(etag, TestServer.get(path, "text/html").headers().firstValue("ETag").orElse(""), "stable: " + path);
            HttpResponse<String> again = TestServer.send(TestServer.request(path).header("Accept", "text/html")
                    .header("If-None-Match", etag).GET().build());
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            HttpResponse<String> since = TestServer.send(TestServer.request(path).header("Accept", "text/html")
                    .header("If-Modified-Since", modified).GET().build());
            assertEquals(304, since.statusCode(), path);
            HttpResponse<String> other = TestServer.send(TestServer.request(path).header("Accept", "text/html")
                    .header("If-None-Match", "\"0000\"").GET().build());
            assertEquals(200, other.statusCode(), path);
        }
        // Another representation is another tag.
        String html = TestServer.get("/id/eaeu", "text/html").headers().firstValue("ETag").orElseThrow();
        String turtle = TestServer.get("/id/eaeu", "text/turtle").headers().firstValue("ETag").orElseThrow();
        assertFalse(html.equals(turtle));
        HttpResponse<String> crossed = TestServer.send(TestServer.request("/id/eaeu").header("Accept", "text/turtle")
                .header("If-None-Match", html).GET().build());
        assertEquals(200, crossed.statusCode());
        // The endpoint's answers are tagged too (CachedQueriesTest has their 304).
        assertTrue(TestServer.query("ASK {}", "application/sparql-results+json").headers().firstValue("ETag").orElseThrow()
                .matches("\"[0-9a-f]{32}\""));
    }

    @Test
    void everyRepresentationNamesTheOthersInALinkHeader() {
        HttpResponse<String> html = TestServer.get("/id/eaeu", "text/html");
        String link = html.headers().firstValue("Link").orElse("");
        assertTrue(link.contains("<?format=ttl>; rel=\"alternate\"; type=\"text/turtle\""), link);
        assertTrue(link.contains("type=\"application/ld+json\""), link);
        assertFalse(link.contains("type=\"text/html\""), link);
        assertTrue(html.body().contains("<link rel=\"alternate\" type=\"application/ld+json\" href=\"?format=jsonld\">"));
        String fromTurtle = TestServer.get("/id/eaeu", "text/turtle").headers().firstValue("Link").orElse("");
        assertTrue(fromTurtle.contains("<?format=html>; rel=\"alternate\"; type=\"text/html\""), fromTurtle);
    }
}
