package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;

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

    @Test
    void aSearchIndexThatIsNotTheStoresIsRebuiltNotUsed() throws Exception {
        // Two stores: the fixture, and the fixture with an alias the first does not have.
        Path other = tmp.resolve("other");
        Fixture.copyTree(TestServer.corpus(), other);
        Path registry = other.resolve("seeds/registry/entities.yaml");
        String yaml = Files.readString(registry);
        assertTrue(yaml.contains("alt: {en: [EAEU, EEU]"), yaml);
        Files.writeString(registry, yaml.replace("alt: {en: [EAEU, EEU]", "alt: {en: [EAEU, EEU, Zanzibarunion]"));
        Path store = tmp.resolve("tdb2");
        Path otherStore = tmp.resolve("other-tdb2");
        for (Path[] b : new Path[][] {{TestServer.corpus(), store}, {other, otherStore}}) {
            Cli.Result r = Cli.run("build", "--seeds", b[0].resolve("seeds").toString(), "--ontology",
                    b[0].resolve("ontology.ttl").toString(), "--out", tmp.resolve(b[1].getFileName() + ".trig").toString(),
                    "--tdb2", b[1].toString());
            assertEquals(0, r.exit(), r.both());
        }
        String warning = "is not the search index of";
        try (ServeProcess p = ServeProcess.start("--tdb2", store.toString(), "--port", "0")) {
            assertFalse(p.output().contains(warning), p.output());
            assertEquals(0, hits(p.url(), "Zanzibarunion"));
        }
        // The other store's index put beside this store, as a copied or restored folder would.
        Path index = tmp.resolve("tdb2.text");
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        try (Stream<Path> files = Files.list(tmp.resolve("other-tdb2.text"))) {
            for (Path f : files.toList()) {
                Files.copy(f, index.resolve(f.getFileName()));
            }
        }
        try (ServeProcess p = ServeProcess.start("--tdb2", store.toString(), "--port", "0")) {
            assertTrue(p.output().contains(index.toAbsolutePath().normalize() + " " + warning + " " + store
                    + " (written for another build of the store)"), p.output());
            assertEquals(0, hits(p.url(), "Zanzibarunion"), "the other store's words are not found");
            assertTrue(hits(p.url(), "Armenia") > 0, "this store's are");
        }
        // A folder of that name that is no index at all.
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        try (ServeProcess p = ServeProcess.start("--tdb2", store.toString(), "--port", "0")) {
            assertTrue(p.output().contains(warning) && p.output().contains("not a psikg index"), p.output());
            assertTrue(hits(p.url(), "Armenia") > 0);
        }
        assertTrue(Files.isDirectory(index), "what serve did not write is left alone");
    }

    /** How many hits /search gives for a word. */
    private static int hits(String base, String word) throws Exception {
        HttpResponse<String> r = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/search?format=json&q="
                + URLEncoder.encode(word, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body()).path("hits").size();
    }
}
