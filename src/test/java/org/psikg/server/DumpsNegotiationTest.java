package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psikg.vocab.PsikgIris;

/**
 * /dumps/ by content negotiation, over HTTP against the test server on port 0: the list as a
 * page for browsers, the VoID that lists the dumps in the RDF formats, and the dump itself for
 * TriG and N-Quads (gzipped for a client that accepts gzip, else unzipped), every answer with
 * {@code Vary: Accept}.
 */
class DumpsNegotiationTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

    @ParameterizedTest(name = "Accept: {0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # Accept                              | status | content type
        BROWSER                               | 200    | text/html
        text/html                             | 200    | text/html
        text/turtle                           | 200    | text/turtle
        application/ld+json                   | 200    | application/ld+json
        application/rdf+xml                   | 200    | application/rdf+xml
        application/n-triples                 | 200    | application/n-triples
        application/trig                      | 200    | application/trig
        application/n-quads                   | 200    | application/n-quads
        application/n-quads;q=0.5, application/trig | 200 | application/trig
        */*                                   | 200    | text/turtle
        -                                     | 200    | text/turtle
        image/png                             | 406    | text/plain
        """)
    void theListAnswersAccept(String accept, int status, String contentType) {
        HttpResponse<byte[]> r = get("/dumps/", "BROWSER".equals(accept) ? BROWSER : accept, null);
        assertEquals(status, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(contentType, SparqlProtocolTest.mediaType(r));
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), "Vary: Accept");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        switch (contentType) {
            case "text/html" -> {
                assertTrue(body.startsWith("<!DOCTYPE html>"), body);
                for (String dump : Dumps.NAMES) {
                    assertTrue(body.contains("href=\"" + dump + "\"") && body.contains("href=\"" + dump + ".sha256\""), body);
                }
                assertTrue(body.contains("<link rel=\"alternate\" type=\"application/trig\" href=\"?format=trig\">"), body);
            }
            case "application/trig", "application/n-quads" -> {
                assertFalse(r.headers().firstValue("Content-Encoding").isPresent(), "no gzip unless accepted");
                assertEquals(TestServer.graph().dataset().stream().count(), parse(body, contentType).stream().count(),
                        "every quad of the graph");
            }
            case "text/plain" -> assertTrue(body.contains("application/trig") && body.contains("text/html"), body);
            default -> {
                Graph g = SparqlProtocolTest.parse(body, org.apache.jena.riot.RDFLanguages.contentTypeToLang(contentType));
                for (String dump : Dumps.NAMES) {
                    assertTrue(g.contains(PsikgIris.DATASET, VOID.dataDump.asNode(), dumpNode(dump)), dump + " listed: " + body);
                }
            }
        }
    }

    @Test
    void aClientThatTakesGzipGetsTheDumpsOwnBytes() {
        for (String[] c : new String[][] {{"application/trig", "psikg.trig.gz"}, {"application/n-quads", "psikg.nq.gz"}}) {
            byte[] file = TestServer.getBytes("/dumps/" + c[1]).body();
            HttpResponse<byte[]> r = get("/dumps/", c[0], "br, gzip;q=0.8");
            assertEquals(200, r.statusCode());
            assertEquals(c[0], SparqlProtocolTest.mediaType(r));
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
            assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")), r.headers().map().toString());
            assertArrayEquals(file, r.body(), "the bytes whose SHA-256 the VoID gives");
            // Unzipped, the same as without gzip.
            assertArrayEquals(gunzip(file), get("/dumps/", c[0], "gzip;q=0, identity").body());
            assertArrayEquals(gunzip(file), get("/dumps/?format=" + (c[1].startsWith("psikg.trig") ? "trig" : "nq"), null, null).body());
        }
    }

    @Test
    void everyRepresentationOfTheListNamesTheOthers() {
        String link = get("/dumps/", "text/turtle", null).headers().firstValue("Link").orElse("");
        for (String type : new String[] {"text/html", "application/trig", "application/n-quads", "application/ld+json"}) {
            assertTrue(link.contains("type=\"" + type + "\""), link);
        }
        assertFalse(link.contains("type=\"text/turtle\""), link);
    }

    @ParameterizedTest(name = "Accept-Encoding: {0} -> gzip {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        gzip                 | true
        GZIP                 | true
        deflate, gzip;q=0.5  | true
        x-gzip               | true
        *                    | true
        br, *;q=0.1          | true
        gzip;q=0             | false
        gzip;q=0, *          | false
        *;q=0                | false
        identity             | false
        gzip;q=x             | false
        -                    | false
        """)
    void acceptEncoding(String header, boolean gzip) {
        assertEquals(gzip, DumpsServlet.acceptsGzip(header));
    }

    private static Node dumpNode(String name) {
        return NodeFactory.createURI(TestServer.url() + "/dumps/" + name);
    }

    private static DatasetGraph parse(String text, String contentType) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        RDFParser.fromString(text, contentType.equals("application/trig") ? Lang.TRIG : Lang.NQUADS).parse(dsg);
        return dsg;
    }

    private static byte[] gunzip(byte[] gz) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<byte[]> get(String path, String accept, String acceptEncoding) {
        HttpRequest.Builder b = TestServer.request(path).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        try {
            return TestServer.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
