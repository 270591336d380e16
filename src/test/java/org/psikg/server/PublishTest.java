package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Rdf;

/**
 * {@code psikg publish} against a second, writable Fuseki started here: every named graph
 * PUT, then read back over HTTP and compared; basic authentication; a target that refuses.
 */
class PublishTest {
    @TempDir
    Path tmp;

    private static FusekiServer writable(DatasetGraph target, Path passwords) {
        FusekiServer.Builder b = FusekiServer.create().fusekiModules(FusekiModules.empty()).port(0).loopback(true)
                .add("/ds", target, true);
        if (passwords != null) {
            b.passwordFile(passwords.toString()).auth(AuthScheme.BASIC).serverAuthPolicy(Auth.policyAllowSpecific("loader"));
        }
        return b.start();
    }

    private static String[] publish(String to, String... more) {
        String[] base = {"publish", "--seeds", TestServer.corpus().resolve("seeds").toString(),
            "--ontology", TestServer.corpus().resolve("ontology.ttl").toString(), "--to", to};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void everyGraphArrivesAndReadsBackTheSame() throws Exception {
        DatasetGraph target = DatasetGraphFactory.createTxnMem();
        FusekiServer fuseki = writable(target, null);
        try {
            String url = "http://localhost:" + fuseki.getHttpPort() + "/ds/data";
            Cli.Result r = Cli.run(publish(url));
            assertEquals(0, r.exit(), r.both());
            assertTrue(r.out().contains(TestServer.graph().quadsPerGraph().size() + " of " + TestServer.graph().quadsPerGraph().size()
                    + " graphs published"), r.out());
            // Read back over HTTP, as N-Quads, from the second server.
            HttpResponse<String> back = TestServer.CLIENT.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + fuseki.getHttpPort() + "/ds")).header("Accept", "application/n-quads")
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, back.statusCode(), back.body());
            DatasetGraph read = DatasetGraphFactory.create();
            RDFParser.fromString(back.body(), Lang.NQUADS).parse(read);
            Rdf.assertIsomorphic(TestServer.graph().dataset(), read, "published quads read back");
            // Publishing again replaces each graph (PUT): the same quads, not twice as many; progress counts graphs.
            Cli.Result again = Cli.run(publish(url, "--progress=lines"));
            assertEquals(0, again.exit(), again.both());
            assertTrue(again.err().matches("(?s)(publish  \\d+/\\d+ graphs  .*\n)*publish: " + TestServer.graph().quadsPerGraph().size()
                    + " graphs in [0-9.]+ s \\([0-9.]+ graphs/s\\)\n"), again.both());
            assertEquals(TestServer.graph().dataset().stream().count(), target.stream().count());
        } finally {
            fuseki.stop();
        }
    }

    @Test
    void aTdb2StorePublishesTheSameGraphs() throws Exception {
        Path store = tmp.resolve("tdb2");
        Cli.Result build = Cli.run("build", "--seeds", TestServer.corpus().resolve("seeds").toString(), "--ontology",
                TestServer.corpus().resolve("ontology.ttl").toString(), "--out", tmp.resolve("psikg.trig").toString(),
                "--tdb2", store.toString());
        assertEquals(0, build.exit(), build.both());
        DatasetGraph target = DatasetGraphFactory.createTxnMem();
        FusekiServer fuseki = writable(target, null);
        try {
            Cli.Result r = Cli.run("publish", "--tdb2", store.toString(), "--to",
                    "http://localhost:" + fuseki.getHttpPort() + "/ds/data");
            assertEquals(0, r.exit(), r.both());
            DatasetGraph copy = DatasetGraphFactory.create();
            target.find().forEachRemaining(copy::add);
            Rdf.assertIsomorphic(TestServer.graph().dataset(), copy, "published from the store");
        } finally {
            fuseki.stop();
        }
    }

    @Test
    void aTargetThatRefusesLargeBodiesGetsEachGraphInParts() throws Exception {
        // psikg itself with updates on and a body limit far below the largest graph of the
        // fixture: the graphs over it go as a PUT and POSTs, and every quad arrives once.
        DatasetGraph target = org.psikg.store.TdbStore.emptyInMemory();
        ServerSettings settings = ServerSettings.builder().port(0).allowUpdate(true).requestLimits(100_000, 20_000, 4).build();
        try (PsikgServer psikg = PsikgServer.start(target, settings, Path.of("docs"))) {
            String url = "http://127.0.0.1:" + psikg.port() + "/psikg/data";
            Cli.Result r = Cli.run(publish(url));
            assertEquals(0, r.exit(), r.both());
            assertTrue(r.out().matches("(?s).* parts\\).*"), "some graph needed parts: " + r.out());
            DatasetGraph back = DatasetGraphFactory.create();
            org.apache.jena.system.Txn.executeRead(target, () -> target.find().forEachRemaining(back::add));
            Rdf.assertIsomorphic(TestServer.graph().dataset(), back, "published in parts");
            // Again: the PUT of the first part replaces the graph, the parts are not added twice.
            assertEquals(0, Cli.run(publish(url)).exit());
            assertEquals(TestServer.graph().dataset().stream().count(),
                    (long) org.apache.jena.system.Txn.calculateRead(target, () -> target.stream().count()));
        }
    }

    @Test
    void aRefusalPrintsTheTargetsStatusAndMessage() throws Exception {
        DatasetGraph target = org.psikg.store.TdbStore.emptyInMemory();
        // Below the smallest part psikg sends: the refusal stands, and says why.
        ServerSettings settings = ServerSettings.builder().port(0).allowUpdate(true).requestLimits(100_000, 1_000, 4).build();
        try (PsikgServer psikg = PsikgServer.start(target, settings, Path.of("docs"))) {
            Cli.Result r = Cli.run(publish("http://127.0.0.1:" + psikg.port() + "/psikg/data"));
            assertEquals(1, r.exit(), r.both());
            assertTrue(r.err().contains("(HTTP 413): "), r.err());
            assertTrue(r.err().contains("request body too large: more than the 1000 bytes this server accepts"), r.err());
        }
    }

    @Test
    void basicAuthentication() throws IOException {
        Path passwords = tmp.resolve("passwd");
        Files.writeString(passwords, "loader: s3cret\n");
        DatasetGraph target = DatasetGraphFactory.createTxnMem();
        FusekiServer fuseki = writable(target, passwords);
        try {
            String url = "http://localhost:" + fuseki.getHttpPort() + "/ds/data";
            Cli.Result wrong = Cli.run(publish(url, "--user", "loader", "--password", "wrong"));
            assertEquals(1, wrong.exit(), wrong.both());
            assertTrue(wrong.err().contains("refused https://w3id.org/psikg/graph/registry (HTTP 401)"), wrong.err());
            assertEquals(0, target.stream().count());
            Cli.Result right = Cli.run(publish(url, "--user", "loader", "--password", "s3cret"));
            assertEquals(0, right.exit(), right.both());
            assertEquals(TestServer.graph().dataset().stream().count(), target.stream().count());
        } finally {
            fuseki.stop();
        }
    }

    @Test
    void aReadOnlyTargetRefusesAndSaysWhichGraph() {
        Cli.Result r = Cli.run(publish(TestServer.url() + "/psikg/data"));
        assertEquals(1, r.exit(), r.both());
        assertTrue(r.err().contains("refused https://w3id.org/psikg/graph/ontology (HTTP 405)"), r.err());
    }

    @Test
    void badInput() {
        assertEquals(2, Cli.run(publish("not a url")).exit());
        assertEquals(2, Cli.run(publish("ftp://example.org/data")).exit());
        Cli.Result missing = Cli.run("publish", "--seeds", tmp.resolve("none").toString(), "--to", "http://localhost:1/x");
        assertEquals(2, missing.exit(), missing.both());
        Cli.Result unreachable = Cli.run(publish("http://127.0.0.1:1/ds/data"));
        assertEquals(1, unreachable.exit(), unreachable.both());
        assertTrue(unreachable.err().contains("unreachable"), unreachable.err());
    }
}
