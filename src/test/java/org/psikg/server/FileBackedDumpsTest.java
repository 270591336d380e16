package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psikg.store.TdbStore;

/**
 * The dumps of {@code serve --tdb2} are served from their files in the store's folder, never
 * held in memory: the same bytes as the file, its SHA-256 as the ETag (a 304 on a match), a
 * HEAD with the file's length, and a dump longer than any Java array (2 GiB and more, a sparse
 * file) still served, which only streaming it can do.
 */
class FileBackedDumpsTest {
    private static final Path DIR = Path.of("target/file-backed-dumps");
    /** Past {@code Integer.MAX_VALUE}: no byte[] holds it. */
    private static final long BIG = (1L << 31) + 7;
    private static final byte[] BIG_START = "the start of a dump too big for an array".getBytes(StandardCharsets.UTF_8);
    private static final String NQUADS = "<https://example.org/s> <https://example.org/p> \"o\" <https://example.org/g> .\n";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static byte[] nquadsGz;
    private static Dumps dumps;
    private static PsikgServer server;

    @BeforeAll
    static void start() throws IOException {
        Path folder = DIR.resolve(Dumps.FOLDER);
        Files.createDirectories(folder);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(NQUADS.getBytes(StandardCharsets.UTF_8));
        }
        nquadsGz = gz.toByteArray();
        Files.write(folder.resolve("psikg.nq.gz"), nquadsGz);
        try (RandomAccessFile big = new RandomAccessFile(folder.resolve("psikg.trig.gz").toFile(), "rw")) {
            big.setLength(0);
            big.write(BIG_START);
            big.setLength(BIG);
        }
        dumps = Dumps.read(DIR).orElseThrow();
        server = PsikgServer.start(TdbStore.emptyInMemory(), ServerSettings.builder().port(0).build(), null, ReadyGate.opened(),
                () -> null, dumps);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        Files.deleteIfExists(DIR.resolve(Dumps.FOLDER).resolve("psikg.trig.gz"));
    }

    @Test
    void readTakesSizeAndChecksumFromTheFiles() {
        Dumps.File nq = dumps.file("psikg.nq.gz").orElseThrow();
        assertEquals(nquadsGz.length, nq.size());
        assertEquals(Dumps.sha256(nquadsGz), nq.sha256());
        assertEquals(Dumps.sha256(nquadsGz), dumps.digest());
        assertEquals(BIG, dumps.file("psikg.trig.gz").orElseThrow().size());
    }

    @Test
    void aDumpIsTheFilesBytesTaggedWithItsChecksum() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/dumps/psikg.nq.gz", null, null);
        assertEquals(200, r.statusCode());
        assertArrayEquals(nquadsGz, r.body());
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + Dumps.sha256(nquadsGz).substring(0, 32) + "\"", etag);
        assertEquals(ConditionalGet.CACHE_CONTROL, r.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<byte[]> again = send("GET", "/dumps/psikg.nq.gz", etag, null);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        HttpResponse<byte[]> head = send("HEAD", "/dumps/psikg.nq.gz", null, null);
        assertEquals(200, head.statusCode());
        assertEquals(etag, head.headers().firstValue("ETag").orElseThrow());
        assertEquals(nquadsGz.length, head.headers().firstValueAsLong("Content-Length").orElseThrow());
    }

    @Test
    void theNegotiatedDumpHasATagOfItsOwnWhenUnzipped() throws Exception {
        HttpResponse<byte[]> zipped = send("GET", "/dumps/", null, "application/n-quads", "Accept-Encoding", "gzip");
        assertArrayEquals(nquadsGz, zipped.body());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElseThrow());
        HttpResponse<byte[]> plain = send("GET", "/dumps/", null, "application/n-quads");
        assertEquals(200, plain.statusCode());
        assertEquals(NQUADS, new String(plain.body(), StandardCharsets.UTF_8));
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(zippedTag, plainTag, "two representations, one tag");
        assertEquals(304, send("GET", "/dumps/", plainTag, "application/n-quads").statusCode());
        assertEquals(200, send("GET", "/dumps/", zippedTag, "application/n-quads").statusCode());
    }

    @Test
    void aDumpTooBigForAnArrayIsStillServed() throws Exception {
        HttpResponse<byte[]> head = send("HEAD", "/dumps/psikg.trig.gz", null, null);
        assertEquals(200, head.statusCode());
        assertEquals(BIG, head.headers().firstValueAsLong("Content-Length").orElseThrow());
        String tag = head.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + dumps.file("psikg.trig.gz").orElseThrow().sha256().substring(0, 32) + "\"", tag);
        assertEquals(304, send("GET", "/dumps/psikg.trig.gz", tag, null).statusCode());
        HttpRequest get = HttpRequest.newBuilder(URI.create(server.url() + "/dumps/psikg.trig.gz")).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<InputStream> r = CLIENT.send(get, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            assertEquals(200, r.statusCode());
            assertEquals(BIG, r.headers().firstValueAsLong("Content-Length").orElseThrow());
            // The first bytes come while the rest is still on disk: read them and hang up.
            assertArrayEquals(BIG_START, in.readNBytes(BIG_START.length));
            assertTrue(in.readNBytes(1 << 20).length > 0);
        }
    }

    private static HttpResponse<byte[]> send(String method, String path, String ifNoneMatch, String accept, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
