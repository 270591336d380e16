package org.psikg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.store.TdbStore;
import org.psikg.support.Fixture;

/**
 * One real psikg server for the server tests: the base fixture corpus (with a registry note
 * that holds {@code <script>alert(1)</script>}, for the escaping tests, and its thesis marked
 * hedged and its Russian summary a reading, for the assertion modes), served on a free port
 * with short limits, started once per test run and spoken to over HTTP.
 * <pre>
 * HttpResponse&lt;String&gt; r = TestServer.get("/id/eaeu", "text/html");
 * </pre>
 */
final class TestServer {
    /** Stands for a reverse proxy in front: its X-Forwarded-For is believed. */
    static final String TRUSTED_PROXY = "127.0.0.3";
    /**
     * Short limits, so that the timeout and row-cap tests are quick; a request limit below
     * Jetty's own 512 KiB for the request head, so that a query string can go over ours;
     * strings of at most 100,000 characters and answers of at most 1 MiB.
     */
    static final ServerSettings SETTINGS = ServerSettings.builder().port(0)
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)).maxRows(100)
            .requestLimits(100_000, 256 * 1024, 4).trustedProxy(TRUSTED_PROXY)
            .queryLimits(QueryLimits.defaults().withSizes(100_000, 1L << 20)).build();
    static final String SCRIPT = "<script>alert(1)</script>";
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static PsikgServer server;
    private static KnowledgeGraph graph;
    private static Path corpus;

    private TestServer() {
    }

    /** The fixture corpus, with the script in a registry note: seeds/ and ontology.ttl. */
    static synchronized Path corpus() {
        if (corpus == null) {
            try {
                Path dir = Files.createTempDirectory("psikg-server-fixture");
                Fixture.copyTree(Fixture.BASE, dir);
                Path registry = dir.resolve("seeds/registry/entities.yaml");
                String yaml = Files.readString(registry);
                String note = "note: The union of Armenia";
                if (!yaml.contains(note)) {
                    throw new IllegalStateException("the base fixture changed: no '" + note + "' in " + registry);
                }
                Files.writeString(registry, yaml.replace(note, "note: " + SCRIPT + " The union of Armenia"));
                Path article = dir.resolve("seeds/article.yaml");
                Files.writeString(article, replaceOnce(replaceOnce(Files.readString(article),
                        "content: The Union may be the last attempt at integration.}",
                        "content: The Union may be the last attempt at integration., assertion: {mode: hedged, modality: possible, hedge: may}}"),
                        "- this:last-attempt content \"Союз слаб\"@ru", "- {fact: this:last-attempt content \"Союз слаб\"@ru, assertion: reading}"));
                corpus = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return corpus;
    }

    private static String replaceOnce(String text, String find, String with) {
        if (!text.contains(find)) {
            throw new IllegalStateException("the base fixture changed: no '" + find + "'");
        }
        return text.replace(find, with);
    }

    static synchronized KnowledgeGraph graph() {
        if (graph == null) {
            graph = KnowledgeGraph.build(corpus().resolve("seeds"), corpus().resolve("ontology.ttl"));
        }
        return graph;
    }

    /** The server's base URL, {@code http://127.0.0.1:PORT}; it runs until the JVM ends. */
    static synchronized String url() {
        if (server == null) {
            KnowledgeGraph kg = graph();
            DatasetGraph tdb = TdbStore.inMemory(kg.dataset(), kg.prefixes());
            server = PsikgServer.start(tdb, SETTINGS, Path.of("docs"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server.url();
    }

    static HttpResponse<String> get(String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60)).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b.build());
    }

    static HttpResponse<byte[]> getBytes(String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A SPARQL query by GET, with an Accept header. */
    static HttpResponse<String> query(String sparql, String accept) {
        return get("/psikg/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8), accept);
    }

    /**
     * Sends a request; once more if the connection it went out on had just been closed by the
     * server (Jetty may close a kept-alive connection after refusing a request whose body it
     * did not read, and the JDK client retries only GETs by itself).
     */
    static HttpResponse<String> send(HttpRequest request) {
        try {
            try {
                return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60));
    }

    static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** The number of triples in the union default graph, asked over HTTP. */
    static long tripleCount() {
        HttpResponse<String> r = query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "text/csv");
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().trim());
    }
}
