package org.psikg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.store.TdbStore;

/**
 * A psikg server on the project's own seeds, with the default settings, on a free port,
 * started once per test run, for the tests of what only the real corpus has (statistics,
 * influence factors): the fixture of {@link TestServer} has neither.
 * <pre>
 * List&lt;String&gt; rows = SeedsServer.select("SELECT ?s WHERE { ?s a psi:Statistic }");
 * </pre>
 */
final class SeedsServer {
    private static PsikgServer server;

    private SeedsServer() {
    }

    static synchronized String url() {
        if (server == null) {
            KnowledgeGraph kg = KnowledgeGraph.build(Path.of("seeds"), Path.of("ontology/psikg.ttl"));
            server = PsikgServer.start(TdbStore.inMemory(kg.dataset(), kg.prefixes()), ServerSettings.builder().port(0).build(),
                    Path.of("docs"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server.url();
    }

    /** The rows of a SELECT over HTTP, as CSV lines without the header. */
    static List<String> select(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/psikg/sparql?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> r = TestServer.CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return r.body().lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
