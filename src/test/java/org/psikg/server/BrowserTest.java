package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The browser UI in a real browser: Debian's headless Chromium dumps the DOM of the SPARQL
 * editor after it ran a query given in the URL, and of an entity page. Chromium must be
 * installed (.ci/run installs it); without it the test fails rather than skips.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void editorRunsAQueryFromTheUrlAndShowsItsResults() throws Exception {
        String query = "PREFIX id: <https://w3id.org/psikg/id/>\n"
                + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?label WHERE { id:eaeu rdfs:label ?label FILTER (lang(?label) = \"en\") }";
        String dom = dumpDom("/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&run=1");
        assertTrue(dom.contains("<table id=\"results\">"), dom);
        String table = dom.substring(dom.indexOf("<table id=\"results\">"));
        assertTrue(table.contains("<th>label</th>"), table);
        assertTrue(table.contains("Eurasian Economic Union"), table);
        assertTrue(dom.contains("01-integration-projects: Which integration projects does the graph know"),
                "the competency queries are listed as examples");
    }

    @Test
    void examplesAreTheCompetencyQueries() throws IOException {
        String json = TestServer.get("/examples.json", null).body();
        long rq;
        try (Stream<Path> files = Files.list(Path.of("queries"))) {
            rq = files.filter(f -> f.toString().endsWith(".rq")).count();
        }
        assertEquals(rq, json.split("\"name\":").length - 1, json);
        assertTrue(json.contains("\"docs\":[") && json.contains("\"server.md\""), json);
    }

    @Test
    void entityPageShowsAnEvidenceQuote() throws Exception {
        String dom = dumpDom("/id/eaeu");
        assertTrue(dom.contains("The Eurasian Economic Union arrived on January 1, 2015."), dom);
    }

    private static String dumpDom(String path) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium), as .ci/run does");
        }
        Path profile = Files.createTempDirectory("psikg-chromium");
        Path out = Files.createTempFile("psikg-dom", ".html");
        try {
            List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                    "--virtual-time-budget=10000", "--dump-dom", TestServer.url() + path));
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("chromium did not finish in 90 s on " + path);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
