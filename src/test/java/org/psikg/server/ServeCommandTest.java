package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;

/** {@code psikg serve} as a command: from seeds, from a dataset file, from a TDB2 store, and its refusals of bad options. */
class ServeCommandTest {
    @TempDir
    Path tmp;

    private static String count(String base) throws Exception {
        HttpResponse<String> r = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/psikg/sparql?query="
                + URLEncoder.encode("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().lines().skip(1).findFirst().orElseThrow().trim();
    }

    @Test
    void servesSeedsADatasetFileAndATdb2StoreAlike() throws Exception {
        String seeds = TestServer.corpus().resolve("seeds").toString();
        String ontology = TestServer.corpus().resolve("ontology.ttl").toString();
        String expected = Long.toString(TestServer.graph().dataset().stream().count());
        try (ServeProcess p = ServeProcess.start("--seeds", seeds, "--ontology", ontology, "--port", "0")) {
            assertTrue(p.url().startsWith("http://127.0.0.1:"), p.output());
            assertEquals(expected, count(p.url()));
        }
        Path store = tmp.resolve("tdb2");
        Cli.Result build = Cli.run("build", "--seeds", seeds, "--ontology", ontology, "--out",
                tmp.resolve("psikg.trig").toString(), "--tdb2", store.toString());
        assertEquals(0, build.exit(), build.both());
        try (ServeProcess p = ServeProcess.start("--data", tmp.resolve("psikg.nq").toString(), "--port", "0")) {
            assertEquals(expected, count(p.url()));
        }
        try (ServeProcess p = ServeProcess.start("--tdb2", store.toString(), "--port", "0")) {
            assertEquals(expected, count(p.url()));
            HttpResponse<String> page = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(p.url() + "/id/eaeu"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<mark>"), "evidence from the store");
        }
    }

    @Test
    void badOptions() {
        Cli.Result rows = Cli.run("serve", "--max-rows", "0", "--port", "0");
        assertEquals(2, rows.exit(), rows.both());
        Cli.Result timeout = Cli.run("serve", "--timeout", "-1", "--port", "0");
        assertEquals(2, timeout.exit(), timeout.both());
        Cli.Result both = Cli.run("serve", "--seeds", "seeds", "--tdb2", "x", "--port", "0");
        assertEquals(2, both.exit(), both.both());
        Cli.Result store = Cli.run("serve", "--tdb2", tmp.resolve("none").toString(), "--port", "0");
        assertEquals(2, store.exit(), store.both());
        assertTrue(store.err().contains("not a TDB2 store"), store.err());
        Cli.Result seeds = Cli.run("serve", "--seeds", tmp.resolve("none").toString(), "--port", "0");
        assertEquals(2, seeds.exit(), seeds.both());
        for (String limit : new String[] {"--max-query-length", "--max-request-bytes", "--max-concurrent-per-client"}) {
            Cli.Result r = Cli.run("serve", limit, "0", "--port", "0");
            assertEquals(2, r.exit(), r.both());
            assertTrue(r.err().contains(limit + " must be at least 1"), r.err());
        }
    }

    @Test
    void aPortInUseIsBadInput() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Cli.Result r = Cli.run("serve", "--seeds", TestServer.corpus().resolve("seeds").toString(), "--ontology",
                    TestServer.corpus().resolve("ontology.ttl").toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(2, r.exit(), r.both());
            assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
        }
    }
}
