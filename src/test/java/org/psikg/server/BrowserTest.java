package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser UI in a real browser: Debian's headless Chromium dumps the DOM of the YASGUI
 * editor after it ran a query given in the URL, and of an entity page; its network log shows
 * which hosts the page asked. Chromium must be installed (.ci/run installs it); without it
 * the test fails rather than skips.
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern ROW = Pattern.compile("<tr[ >]");

    @Test
    void editorRunsACompetencyQueryFromTheUrlAndShowsEveryRow(@TempDir Path dir) throws Exception {
        String query = Files.readString(Path.of("queries/01-integration-projects.rq"), StandardCharsets.UTF_8);
        long rows = TestServer.query(query, "text/tab-separated-values").body().lines().count() - 1;
        assertTrue(rows >= 1 && rows <= 50, "some rows, on YASR's first page: " + rows);
        Path netLog = dir.resolve("net.json");
        String dom = chromium(dir.resolve("profile"), netLog, "/sparql?query=" + enc(query) + "&run=1");

        String body = resultRows(dom);
        assertEquals(rows, ROW.matcher(body).results().count(), body);
        // YASR shortens IRIs by the query's prefixes, and labels are literals.
        assertTrue(body.contains(">id:eaeu</a>"), body);
        assertTrue(body.contains("Eurasian Economic Union"), body);
        assertTrue(dom.contains("01-integration-projects: Which integration projects does the graph know"),
                "the competency queries are offered as examples");
        assertTrue(dom.contains("endpoint: " + TestServer.url() + "/psikg/sparql"), "the endpoint is this server's");

        List<String> asked = pageRequests(netLog);
        assertTrue(asked.contains(TestServer.url() + "/ui/yasgui/4.5.0/yasgui.min.js"), asked.toString());
        assertTrue(asked.contains(TestServer.url() + "/prefixes.json"), "the prefixes come from here: " + asked);
        assertTrue(asked.contains(TestServer.url() + "/psikg/sparql"), asked.toString());
        for (String url : asked) {
            assertTrue(url.startsWith(TestServer.url() + "/"), "the page asked another host: " + url);
        }
    }

    @Test
    void theQueryInTheUrlWinsOverTheTabsRestoredFromLocalStorage(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("profile");
        String first = "SELECT ?firstColumn WHERE { <https://w3id.org/psikg/id/eaeu> <http://www.w3.org/2000/01/rdf-schema#label> ?firstColumn }";
        String second = "SELECT ?secondColumn WHERE { <https://w3id.org/psikg/id/armenia> <http://www.w3.org/2000/01/rdf-schema#label> ?secondColumn }";
        String before = chromium(profile, null, "/sparql?query=" + enc(first) + "&run=1");
        assertTrue(resultRows(before).contains("Eurasian Economic Union"), before);
        String after = chromium(profile, null, "/sparql?query=" + enc(second) + "&run=1");
        String rows = resultRows(after);
        assertTrue(rows.contains("Armenia") && !rows.contains("Eurasian Economic Union"), rows);
        assertTrue(after.contains("secondColumn") && !after.contains("firstColumn"), after);
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
    void prefixesAreTheGraphs() throws IOException {
        JsonNode prefixes = new ObjectMapper().readTree(TestServer.get("/prefixes.json", null).body());
        assertEquals("https://w3id.org/psikg/ontology#", prefixes.path("psi").asText());
        assertEquals("https://w3id.org/psikg/id/", prefixes.path("id").asText());
        assertEquals("http://www.w3.org/ns/oa#", prefixes.path("oa").asText());
    }

    @Test
    void entityPageShowsAnEvidenceQuote(@TempDir Path dir) throws Exception {
        String dom = chromium(dir.resolve("profile"), null, "/id/eaeu");
        assertTrue(dom.contains("The Eurasian Economic Union arrived on January 1, 2015."), dom);
    }

    @Test
    void readerShowsTheStatementsOfTheSelectedPassage(@TempDir Path dir) throws Exception {
        // Selecting a passage is following its anchor (what a click on the highlight does).
        String dom = chromium(dir.resolve("profile"), null, "/article/test-article#armenia-joins");
        int panel = dom.indexOf("id=\"statements-armenia-joins\"");
        assertTrue(panel > 0, dom);
        String section = dom.substring(dom.lastIndexOf("<section", panel), dom.indexOf("</section>", panel));
        assertTrue(section.contains("class=\"panel open\""), "reader.js opened the panel: " + section);
        assertTrue(section.contains(">Armenia</a>") && section.contains(">Eurasian Economic Union</a>"), section);
        assertTrue(section.contains("Supports 5 statements"), section);
        assertTrue(dom.contains("class=\"hl d1 sel\" href=\"#armenia-joins\""), "the passage is marked selected");
        // Every other panel stays closed.
        assertEquals(1, dom.split("class=\"panel open\"").length - 1);
    }

    @Test
    void anEvidenceLinkOfAnEntityPageOpensItsPassageInTheReader(@TempDir Path dir) throws Exception {
        String entity = chromium(dir.resolve("profile"), null, "/id/armenia");
        Matcher m = Pattern.compile("<a class=\"in-reader\" href=\"" + Pattern.quote(TestServer.url()) + "([^\"]+)\"").matcher(entity);
        assertTrue(m.find(), entity);
        String target = m.group(1).replace("&amp;", "&");
        String id = target.substring(target.indexOf('#') + 1);
        String reader = chromium(dir.resolve("profile"), null, target);
        assertTrue(reader.contains("<span class=\"anchor\" id=\"" + id + "\"></span>"), reader);
        assertTrue(reader.contains("data-ann=\"" + id + "\"") && reader.contains(" sel\" href=\"#" + id + "\""), reader);
        assertTrue(reader.contains("id=\"statements-" + id + "\" data-ann=\"" + id + "\"") , reader);
    }

    @Test
    void timelineAndChartsAreDrawnWithEveryItem(@TempDir Path dir) throws Exception {
        String dom = chromium(dir.resolve("profile"), null, "/id/eaeu");
        long memberships = TestServer.query("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m <http://www.w3.org/ns/org#organization>"
                + " <https://w3id.org/psikg/id/eaeu> ; <http://www.w3.org/ns/org#member> ?x }", "text/csv").body().lines().skip(1)
                .mapToLong(l -> Long.parseLong(l.strip())).findFirst().orElseThrow();
        assertTrue(memberships >= 1);
        Matcher m = Pattern.compile("id=\"chart-timeline\"[^>]*data-items=\"(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "the timeline was drawn: " + dom);
        assertEquals(memberships, Long.parseLong(m.group(1)));
        assertTrue(dom.contains("<canvas"), "ECharts drew on a canvas");
        String article = chromium(dir.resolve("profile2"), null, "/article/test-article");
        if (article.contains("id=\"chart-argument\"")) {
            assertTrue(Pattern.compile("id=\"chart-argument\"[^>]*data-items=\"[1-9]").matcher(article).find(), article);
        }
    }

    @Test
    void searchAnEnglishAndARussianWordAndOpenAHit(@TempDir Path dir) throws Exception {
        for (String word : new String[] {"joined", "союза"}) {
            String dom = chromium(dir.resolve("profile"), null, "/search?q=" + enc(word));
            Matcher m = Pattern.compile("<a class=\"hit-link\" href=\"" + Pattern.quote(TestServer.url()) + "([^\"]+)\"").matcher(dom);
            assertTrue(m.find(), word + ": " + dom);
            assertTrue(dom.contains("<mark>"), word + ": the hit is marked");
            String hit = chromium(dir.resolve("profile"), null, m.group(1).replace("&amp;", "&"));
            assertTrue(hit.contains("<h1>"), hit);
            assertFalse(hit.contains("nothing is known about"), hit);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The body of YASR's result table. */
    private static String resultRows(String dom) {
        int table = dom.indexOf("class=\"dataTable");
        assertTrue(table >= 0, "no YASR table: " + dom);
        int start = dom.indexOf("<tbody", table);
        int end = dom.indexOf("</tbody>", start);
        assertTrue(start >= 0 && end > start, dom);
        assertFalse(dom.substring(start, end).contains("dt-empty"), "an empty table");
        return dom.substring(start, end);
    }

    /** The URLs the page (not the browser itself) asked for, from Chromium's network log. */
    private static List<String> pageRequests(Path netLog) throws IOException {
        JsonNode log = new ObjectMapper().readTree(netLog.toFile());
        int start = log.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
        assertTrue(start >= 0, "no URL_REQUEST_START_JOB in the net log's constants");
        String origin = TestServer.url();
        List<String> urls = new ArrayList<>();
        for (JsonNode e : log.path("events")) {
            JsonNode params = e.path("params");
            if (e.path("type").asInt() == start && params.path("initiator").asText().equals(origin)) {
                urls.add(params.path("url").asText());
            }
        }
        return urls;
    }

    /** The DOM of the page at path, once its scripts have settled; netLog may be null. */
    private static String chromium(Path profile, Path netLog, String path) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium), as .ci/run does");
        }
        Files.createDirectories(profile);
        Path out = Files.createTempFile("psikg-dom", ".html");
        try {
            List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                    "--virtual-time-budget=15000"));
            if (netLog != null) {
                cmd.add("--log-net-log=" + netLog);
            }
            cmd.addAll(List.of("--dump-dom", TestServer.url() + path));
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("chromium did not finish in 120 s on " + path);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
