package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The content-negotiation matrix of the linked-data front: path × Accept header (or
 * {@code ?format=}) → status and content type; every RDF answer parses and is not empty,
 * every answer says {@code Vary: Accept}.
 */
class ContentNegotiationTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

    @ParameterizedTest(name = "{0} Accept: {1} -> {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # path                                        | Accept                                      | status | content type
        /id/eaeu                                      | text/turtle                                 | 200    | text/turtle
        /id/eaeu                                      | application/ld+json                         | 200    | application/ld+json
        /id/eaeu                                      | application/rdf+xml                         | 200    | application/rdf+xml
        /id/eaeu                                      | application/n-triples                       | 200    | application/n-triples
        /id/eaeu                                      | text/html                                   | 200    | text/html
        /id/eaeu                                      | BROWSER                                     | 200    | text/html
        /id/eaeu                                      | */*                                         | 200    | text/turtle
        /id/eaeu                                      | -                                           | 200    | text/turtle
        /id/eaeu                                      | TEXT/HTML                                   | 200    | text/html
        /id/eaeu                                      | text/*                                      | 200    | text/turtle
        /id/eaeu                                      | application/*                               | 200    | application/ld+json
        /id/eaeu                                      | text/html;q=0.5, application/n-triples      | 200    | application/n-triples
        /id/eaeu                                      | text/turtle;q=0, */*;q=0.1                  | 200    | application/ld+json
        /id/eaeu                                      | image/png                                   | 406    | text/plain
        /id/eaeu                                      | application/json                            | 406    | text/plain
        /id/eaeu                                      | text/turtle;q=0                             | 406    | text/plain
        /id/eaeu?format=html                          | text/turtle                                 | 200    | text/html
        /id/eaeu?format=nt                            | -                                           | 200    | application/n-triples
        /id/eaeu?format=gif                           | -                                           | 406    | text/plain
        /id/russia                                    | text/turtle                                 | 200    | text/turtle
        /article/test-article                         | text/turtle                                 | 200    | text/turtle
        /article/test-article                         | text/html                                   | 200    | text/html
        /article/test-article/armenia-in-eaeu         | application/ld+json                         | 200    | application/ld+json
        /article/test-article/annotation/eaeu-start   | text/html                                   | 200    | text/html
        /graph/registry                               | application/rdf+xml                         | 200    | application/rdf+xml
        /graph/test-article                           | text/html                                   | 200    | text/html
        /graph/ontology                               | application/n-triples                       | 200    | application/n-triples
        /ontology                                     | text/turtle                                 | 200    | text/turtle
        /ontology                                     | application/rdf+xml                         | 200    | application/rdf+xml
        /ontology                                     | text/html                                   | 200    | text/html
        /.well-known/void                             | text/turtle                                 | 200    | text/turtle
        /.well-known/void                             | application/ld+json                         | 200    | application/ld+json
        /.well-known/void                             | text/html                                   | 200    | text/html
        /dataset                                      | application/n-triples                       | 200    | application/n-triples
        /id/nothing-here                              | text/turtle                                 | 404    | text/plain
        /id/nothing-here                              | text/html                                   | 404    | text/plain
        /id/Russia                                    | text/turtle                                 | 404    | text/plain
        /id/russia/extra                              | text/turtle                                 | 404    | text/plain
        /article/no-such-article                      | text/turtle                                 | 404    | text/plain
        /article/test-article/no-such-node            | text/html                                   | 404    | text/plain
        /graph/no-such-graph                          | text/turtle                                 | 404    | text/plain
        /ontology/9.9.9                               | text/turtle                                 | 404    | text/plain
        """)
    void matrix(String path, String accept, int status, String contentType) {
        HttpResponse<String> r = TestServer.get(path, "BROWSER".equals(accept) ? BROWSER : accept);
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(contentType, SparqlProtocolTest.mediaType(r));
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), "Vary: Accept");
        if (status == 200 && !contentType.equals("text/html")) {
            Lang lang = RDFLanguages.contentTypeToLang(contentType);
            Graph g = SparqlProtocolTest.parse(r.body(), lang);
            assertTrue(g.size() > 0, "an RDF description that is not empty");
        }
        if (status == 200 && contentType.equals("text/html")) {
            assertTrue(r.body().startsWith("<!DOCTYPE html>"), r.body());
        }
    }
}
