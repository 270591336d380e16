package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.psikg.query.Answer;
import org.psikg.query.QueryCheck;
import org.psikg.query.QueryFile;
import org.psikg.query.QueryRunner;

/**
 * The competency suite of queries/ over the live endpoint, as the README starts it: the
 * packaged jar serving a TDB2 store written by {@code psikg build --tdb2}, and serving the
 * seeds in memory. Every query, sent over HTTP, answers exactly its expected file; and every
 * query is one of the editor's examples.
 */
class LiveEndpointQueriesIT {
    private static final Path JAR = Path.of("target/psikg.jar");
    private static final List<Path> FILES = QueryRunner.queryFiles(Path.of("queries"));
    private static ServeProcess fromStore;
    private static ServeProcess fromSeeds;

    @BeforeAll
    static void start() throws Exception {
        Path store = Files.createTempDirectory("psikg-it-store").resolve("tdb2");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process build = new ProcessBuilder(java, "-jar", JAR.toString(), "build", "--tdb2", store.toString())
                .redirectErrorStream(true).start();
        String printed = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(build.waitFor(5, TimeUnit.MINUTES), "psikg build --tdb2 did not finish");
        assertEquals(0, build.exitValue(), printed);
        // Answers are what this test checks; the default 10 s timeout is SafetyTest's, and a cold
        // JVM on a loaded CI machine could reach it on the first query.
        fromStore = ServeProcess.startJar(JAR, "--tdb2", store.toString(), "--port", "0", "--timeout", "60", "--timeout-total", "120");
        fromSeeds = ServeProcess.startJar(JAR, "--port", "0", "--timeout", "60", "--timeout-total", "120");
    }

    @AfterAll
    static void stop() {
        Stream.of(fromStore, fromSeeds).filter(p -> p != null).forEach(ServeProcess::close);
    }

    @TestFactory
    Stream<DynamicContainer> everyCompetencyQueryAnswersAsExpectedOverHttp() {
        return Stream.of(DynamicContainer.dynamicContainer("serve --tdb2", tests(fromStore)),
                DynamicContainer.dynamicContainer("serve (seeds in memory)", tests(fromSeeds)));
    }

    private static Stream<DynamicTest> tests(ServeProcess server) {
        return FILES.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            QueryFile q = QueryFile.read(p);
            QueryCheck.Outcome o = QueryCheck.check(q, ask(server, Files.readString(p), q.query().isAskType()));
            assertEquals(List.of(), o.drift(), "drift over " + server.url());
        }));
    }

    private static Answer ask(ServeProcess server, String query, boolean isAsk) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(server.url() + "/psikg/sparql"))
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        ByteArrayInputStream in = new ByteArrayInputStream(r.body());
        return isAsk ? Answer.ask(ResultSetMgr.readBoolean(in, ResultSetLang.RS_JSON))
                : Answer.of(ResultSetMgr.read(in, ResultSetLang.RS_JSON));
    }

    @Test
    void theEditorOffersEveryQueryAsAnExample() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(fromStore.url() + "/examples.json")).build());
        assertEquals(200, r.statusCode());
        TreeSet<String> offered = new TreeSet<>();
        for (JsonNode example : new ObjectMapper().readTree(r.body()).path("examples")) {
            offered.add(example.path("query").asText());
        }
        List<String> missing = new ArrayList<>();
        for (Path p : FILES) {
            String text = Files.readString(p);
            if (offered.stream().noneMatch(q -> q.strip().equals(text.strip()))) {
                missing.add(p.getFileName().toString());
            }
        }
        assertEquals(List.of(), missing, "queries the editor does not offer; offered " + offered.size());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return TestServer.CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }
}
