package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.store.TdbStore;

/**
 * The server survives clients that go away in the middle of a large answer: each request
 * is read a few bytes of, then its connection reset; afterwards no thread is left in a
 * query and the server answers as before.
 */
class FaultsTest {
    /** Large answers: a CONSTRUCT and a SELECT of a cross product, several MB each. */
    private static final List<String> LARGE = List.of(
            "CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }",
            "DESCRIBE ?a WHERE { ?a ?b ?c }");

    @Test
    void clientsThatDisconnectMidResultLeaveNothingStuck() throws Exception {
        KnowledgeGraph kg = TestServer.graph();
        // A cap high enough that the answers are large, a timeout long enough that they finish.
        ServerSettings settings = ServerSettings.builder().port(0).maxRows(5_000_000)
                .timeouts(Duration.ofSeconds(30), Duration.ofSeconds(60)).build();
        try (PsikgServer server = PsikgServer.start(TdbStore.inMemory(kg.dataset(), kg.prefixes()), settings, Path.of("docs"))) {
            URI base = URI.create(server.url());
            int aborted = 0;
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < LARGE.size(); i++) {
                    InetAddress from = InetAddress.getByName("127.0.0." + (100 + round * LARGE.size() + i));
                    try (Socket s = new Socket()) {
                        s.bind(new InetSocketAddress(from, 0));
                        s.connect(new InetSocketAddress(base.getHost(), base.getPort()));
                        s.setSoTimeout(60_000);
                        String accept = LARGE.get(i).startsWith("SELECT") ? "application/sparql-results+json" : "application/n-triples";
                        OutputStream out = s.getOutputStream();
                        out.write(("GET /psikg/sparql?query=" + SparqlProtocolTest.enc(LARGE.get(i)) + " HTTP/1.1\r\nHost: x\r\n"
                                + "Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        InputStream in = s.getInputStream();
                        byte[] some = in.readNBytes(200);
                        assertTrue(new String(some, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"),
                                LARGE.get(i) + ": " + new String(some, StandardCharsets.ISO_8859_1));
                        // An abrupt close (RST), as when a browser tab is closed mid-download.
                        s.setSoLinger(true, 0);
                        aborted++;
                    }
                }
            }
            List<String> running = AbuseTest.queryThreads();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!running.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                running = AbuseTest.queryThreads();
            }
            System.out.printf("%d large answers abandoned after 200 bytes; query threads left: %d%n", aborted, running.size());
            assertTrue(running.isEmpty(), "threads stuck in a query: " + running);
            RawHttp.Response r = RawHttp.send(null, server.url(), "GET /psikg/sparql?query="
                    + SparqlProtocolTest.enc("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") + " HTTP/1.1",
                    Map.of("Accept", "text/csv"), null);
            assertEquals(200, r.status(), r.body());
            // The first client address again: its requests in progress were all released.
            for (int k = 0; k < settings.maxConcurrentPerClient() + 2; k++) {
                RawHttp.Response again = RawHttp.send(InetAddress.getByName("127.0.0.100"), server.url(),
                        "GET /psikg/sparql?query=" + SparqlProtocolTest.enc("ASK { ?s ?p ?o }") + " HTTP/1.1",
                        Map.of("Accept", "application/sparql-results+json"), null);
                assertEquals(200, again.status(), again.body());
            }
        }
    }
}
