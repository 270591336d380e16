package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;
import org.psikg.rdf.GraphSource;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;

/**
 * What {@code serve} and {@code serve --tdb2} publish is what {@code build} wrote: each dump at
 * /dumps/ unzips to the build's TriG or N-Quads byte for byte (TDB2 gives decimals back in
 * canonical form, so the dumps must not be written from it), the VoID's SHA-256 is that of the
 * served file, and issue 13's query answers 60 over HTTP.
 */
class ServedDumpsTest {
    static final Path DIR = Path.of("target/served-dumps");
    static final String SPDX = VoidDescription.SPDX;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void serveFromTheSeedsPublishesTheBuildsBytes() throws Exception {
        Path trig = build(false);
        try (PsikgServer server = ServerLauncher.launch(new GraphSource.Seeds(Path.of("seeds"), Path.of("ontology/psikg.ttl")),
                ServerSettings.builder().port(0).build(), null)) {
            assertPublishes(server, trig);
        }
    }

    @Test
    void serveTdb2PublishesTheBuildsBytes() throws Exception {
        Path trig = build(true);
        try (PsikgServer server = ServerLauncher.launch(new GraphSource.Store(DIR.resolve("tdb2")),
                ServerSettings.builder().port(0).build(), null)) {
            assertPublishes(server, trig);
        }
    }

    /** Builds the seeds into DIR (and a TDB2 store DIR/tdb2); returns the TriG file. */
    private static Path build(boolean tdb2) throws IOException {
        Files.createDirectories(DIR);
        Path trig = DIR.resolve(tdb2 ? "tdb2-build/psikg.trig" : "build/psikg.trig");
        Cli.Result r = tdb2 ? Cli.run("build", "--out", trig.toString(), "--tdb2", DIR.resolve("tdb2").toString())
                : Cli.run("build", "--out", trig.toString());
        assertEquals(0, r.exit(), r.both());
        assertTrue(Files.readString(trig).contains("\"9\"^^xsd:decimal"),
                "the seeds no longer have a decimal that TDB2 would rewrite: the test would hold nothing");
        return trig;
    }

    private static void assertPublishes(PsikgServer server, Path trig) throws Exception {
        Path nquads = trig.resolveSibling("psikg.nq");
        String voidTurtle = new String(get(server.url() + "/.well-known/void", "text/turtle"), UTF_8);
        Model voidModel = ModelFactory.createDefaultModel().read(new StringReader(voidTurtle), server.url(), "TTL");
        for (String[] dump : new String[][] {{"psikg.trig.gz", trig.toString()}, {"psikg.nq.gz", nquads.toString()}}) {
            byte[] gz = get(server.url() + "/dumps/" + dump[0], null);
            byte[] built = Files.readAllBytes(Path.of(dump[1]));
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                byte[] served = in.readAllBytes();
                if (!Arrays.equals(built, served)) {
                    assertEquals(new String(built, UTF_8),
                            new String(served, UTF_8), dump[0] + " is not the build's " + dump[1]);
                }
                assertArrayEquals(built, served);
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gz));
            Resource file = voidModel.createResource(server.url() + "/dumps/" + dump[0]);
            List<String> checksums = voidModel.listObjectsOfProperty(file, voidModel.createProperty(SPDX + "checksum")).toList()
                    .stream().map(c -> c.asResource().getProperty(voidModel.createProperty(SPDX + "checksumValue")).getString())
                    .toList();
            assertEquals(List.of(sha), checksums, "the VoID's SHA-256 of " + dump[0] + "\n" + voidTurtle);
        }
        try (QueryExecution qe = QueryExecutionHTTP.service(server.url() + ServerSettings.DATASET + "/sparql")
                .query(QueryFactory.read(Fixture.RESOURCES.resolve("oracle/issue-13-alternative-count.rq").toString())).build()) {
            assertEquals(60, qe.execSelect().next().getLiteral("n").getInt());
        }
    }

    private static byte[] get(String url, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120));
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }
}
