package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.store.TdbStore;

/** The switches that open the server deliberately do open it: --allow-update and --allow-service. */
class OpenedServerTest {
    private static PsikgServer start(ServerSettings settings) {
        KnowledgeGraph kg = TestServer.graph();
        return PsikgServer.start(TdbStore.inMemory(kg.dataset(), kg.prefixes()), settings, Path.of("docs"));
    }

    private static HttpResponse<String> send(HttpRequest r) {
        return TestServer.send(r);
    }

    @Test
    void allowUpdateOpensUpdateAndGraphStoreWrites() {
        try (PsikgServer server = start(ServerSettings.builder().port(0).allowUpdate(true).build())) {
            String base = server.url();
            HttpResponse<String> update = send(HttpRequest.newBuilder(URI.create(base + "/psikg/update"))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> <http://example.org/c> } }")).build());
            assertEquals(200, update.statusCode() / 100 * 100, update.body());
            HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base + "/psikg/data?graph=http%3A%2F%2Fexample.org%2Fh"))
                    .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<http://example.org/d> <http://example.org/e> <http://example.org/f> .")).build());
            assertEquals(200, put.statusCode() / 100 * 100, put.body());
            HttpResponse<String> ask = send(HttpRequest.newBuilder(URI.create(base + "/psikg/sparql?query="
                    + URLEncoder.encode("ASK { <http://example.org/a> <http://example.org/b> <http://example.org/c> . <http://example.org/d> <http://example.org/e> <http://example.org/f> }", StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").build());
            assertTrue(ask.body().contains("true"), ask.body());
            HttpResponse<String> sd = send(HttpRequest.newBuilder(URI.create(base + "/psikg/sparql")).header("Accept", "text/turtle").build());
            assertTrue(sd.body().contains("sd:SPARQL11Update"), sd.body());
        }
    }

    @Test
    void allowServiceLetsQueriesReachOtherEndpointsWithinTheTimeout() throws Exception {
        ServerSettings settings = ServerSettings.builder().port(0).allowService(true)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)).build();
        try (PsikgServer server = start(settings);
             ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // An endpoint that accepts connections and never answers.
            listener.setSoTimeout(20_000);
            String target = "http://127.0.0.1:" + listener.getLocalPort() + "/sparql";
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> send(HttpRequest.newBuilder(
                    URI.create(server.url() + "/psikg/sparql?query=" + URLEncoder.encode(
                            "SELECT * WHERE { SERVICE <" + target + "> { ?s ?p ?o } }", StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(60)).build()));
            try (Socket connection = listener.accept()) {
                assertTrue(connection.isConnected(), "the server called the SERVICE endpoint");
                HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
                double seconds = (System.nanoTime() - start) / 1e9;
                assertTrue(r.statusCode() >= 400, r.statusCode() + " " + r.body());
                assertTrue(seconds < settings.total().toSeconds() + 5, "a silent SERVICE endpoint held the query " + seconds + " s");
            }
        }
    }
}
