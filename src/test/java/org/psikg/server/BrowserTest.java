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
 * which hosts the page asked. Through the DevTools protocol ({@link DevTools}) it clicks a
 * highlight of the reader with the mouse, and reads the statistics chart and the argument
 * map that ECharts drew for the seeds ({@link SeedsServer}). Chromium must be installed
 * (.ci/run installs it); without it the test fails rather than skips.
 */
class BrowserTest {
    private static final Path CHROMIUM = DevTools.CHROMIUM;
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
    void clickingAHighlightInTheReaderShowsTheStatementsOfThatPassage(@TempDir Path dir) throws Exception {
        try (DevTools browser = DevTools.start(dir.resolve("profile"))) {
            browser.open(TestServer.url() + "/article/test-article");
            assertEquals(0, browser.eval("document.querySelectorAll('.panel.open').length").asInt(), "no passage selected yet");
            for (String id : new String[] {"armenia-joins", "eaeu-start"}) {
                browser.click("a.hl[href='#" + id + "']");
                browser.waitFor("location.hash === '#" + id + "'");
                JsonNode seen = browser.eval("(() => { const open = [...document.querySelectorAll('.panel.open')];"
                        + " const p = open[0]; return {open: open.map(x => x.getAttribute('data-ann')),"
                        + " shown: p ? p.offsetParent !== null && p.getBoundingClientRect().height > 0 : false,"
                        + " statements: p ? p.querySelectorAll('ul.statements > li').length : -1,"
                        + " text: p ? p.innerText : '', hintHidden: document.querySelector('#statements .hint').hidden,"
                        + " selected: [...document.querySelectorAll('a.hl.sel')].map(a => a.getAttribute('data-ann').split(' ')) }; })()");
                assertEquals("[\"" + id + "\"]", seen.path("open").toString(), "only the clicked passage's panel is open: " + seen);
                assertTrue(seen.path("shown").asBoolean(), "the panel is on the screen: " + seen);
                assertTrue(seen.path("hintHidden").asBoolean(), seen.toString());
                assertEquals(statementsOf(id), seen.path("statements").asLong(), "one line per statement it supports: " + seen);
                assertTrue(seen.path("selected").size() > 0, "the clicked highlight is selected: " + seen);
                for (JsonNode anns : seen.path("selected")) {
                    assertTrue(anns.toString().contains("\"" + id + "\""), "only pieces of that passage are selected: " + seen);
                }
            }
            String armenia = browser.eval("document.querySelector('#statements-armenia-joins').innerText").asText();
            assertTrue(armenia.contains("Armenia") && armenia.contains("Eurasian Economic Union"), armenia);
        }
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

    @Test
    void theStatisticsChartDrawsEveryValueOfTheIndicator(@TempDir Path dir) throws Exception {
        String base = SeedsServer.url();
        // The indicator with the most statistics, and their values, from the graph.
        List<String> top = SeedsServer.select("PREFIX psi: <https://w3id.org/psikg/ontology#> SELECT ?indicator"
                + " (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s psi:indicator ?indicator ; psi:value ?v } GROUP BY ?indicator"
                + " ORDER BY DESC(?n) ?indicator LIMIT 1");
        assertEquals(1, top.size(), "the seeds have statistics");
        String indicator = top.get(0).split(",")[0];
        List<Double> values = SeedsServer.select("PREFIX psi: <https://w3id.org/psikg/ontology#> SELECT ?s ?v WHERE { ?s"
                + " psi:indicator <" + indicator + "> ; psi:value ?v }").stream()
                .map(l -> Double.parseDouble(l.split(",")[1])).sorted().toList();
        assertTrue(values.size() >= 2, values.toString());
        try (DevTools browser = DevTools.start(dir.resolve("profile"))) {
            browser.open(base + "/" + indicator.substring("https://w3id.org/psikg/".length()));
            browser.waitFor("document.querySelector('#chart-statistics[data-items]')");
            JsonNode chart = browser.eval("(() => { const d = document.querySelector('#chart-statistics');"
                    + " const o = echarts.getInstanceByDom(d).getOption(); return {items: +d.getAttribute('data-items'),"
                    + " values: o.series[0].data, categories: o.xAxis[0].data.length, canvas: !!d.querySelector('canvas')}; })()");
            assertTrue(chart.path("canvas").asBoolean(), "ECharts drew on a canvas: " + chart);
            assertEquals(values.size(), chart.path("items").asInt(), chart.toString());
            assertEquals(values.size(), chart.path("categories").asInt(), chart.toString());
            List<Double> drawn = new ArrayList<>();
            chart.path("values").forEach(v -> drawn.add(v.asDouble()));
            assertEquals(values, drawn.stream().sorted().toList(), "one bar per statistic, at its value");
        }
    }

    @Test
    void theArgumentMapDrawsEveryFactorOfTheArticleInItsGroup(@TempDir Path dir) throws Exception {
        String base = SeedsServer.url();
        String groups = "VALUES ?group { psi:ObjectiveFactor psi:AmbivalentFactor psi:SubjectiveFactor }";
        String factors = "GRAPH ?graph { { ?factor psi:affects ?any } UNION { ?annotation oa:hasBody ?factor } }"
                + " ?factor a/rdfs:subClassOf* ?group .";
        String prefixes = "PREFIX psi: <https://w3id.org/psikg/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#>"
                + " PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
        // The article whose graph has the most factors, and how many, in how many groups, from the graph.
        List<String> top = SeedsServer.select(prefixes + "SELECT ?graph (COUNT(DISTINCT ?factor) AS ?n) (COUNT(DISTINCT ?group) AS ?g)"
                + " WHERE { " + groups + " " + factors + " } GROUP BY ?graph ORDER BY DESC(?n) ?graph LIMIT 1");
        assertEquals(1, top.size(), "the seeds have factors");
        String[] row = top.get(0).split(",");
        String graph = row[0];
        int expected = Integer.parseInt(row[1]);
        int expectedGroups = Integer.parseInt(row[2]);
        try (DevTools browser = DevTools.start(dir.resolve("profile"))) {
            browser.open(base + "/article/" + graph.substring(graph.lastIndexOf('/') + 1));
            browser.waitFor("document.querySelector('#chart-argument[data-items]')");
            JsonNode map = browser.eval("(() => { const d = document.querySelector('#chart-argument');"
                    + " const root = echarts.getInstanceByDom(d).getOption().series[0].data[0];"
                    + " const names = new Set(); root.children.forEach(g => g.children.forEach(f => names.add(f.name)));"
                    + " return {items: +d.getAttribute('data-items'), groups: root.children.length, factors: names.size,"
                    + " canvas: !!d.querySelector('canvas')}; })()");
            assertTrue(map.path("canvas").asBoolean(), map.toString());
            assertEquals(expected, map.path("items").asInt(), map.toString());
            assertEquals(expected, map.path("factors").asInt(), "one node per factor: " + map);
            assertEquals(expectedGroups, map.path("groups").asInt(), "one branch per group: " + map);
        }
    }

    /**
     * The README's pictures, of the seeds, once each page has drawn its chart: into
     * target/screenshots, or into docs/screenshots with {@code -Dscreenshots.update=true}.
     */
    @Test
    void screenshotsOfTheSeeds(@TempDir Path dir) throws Exception {
        Path out = Boolean.getBoolean("screenshots.update") ? Path.of("docs/screenshots") : Path.of("target/screenshots");
        Files.createDirectories(out);
        String base = SeedsServer.url();
        String[][] shots = {
            {"front.png", "/", "1100", "document.querySelector('.counts')"},
            {"reader.png", "/article/bnn-integration-projects-failing", "1300", "document.querySelector('a.hl')"},
            {"timeline.png", "/id/eaeu", "700", "document.querySelector('#chart-timeline[data-items]')"},
            {"chart.png", "/id/trade-turnover", "900", "document.querySelector('#chart-statistics[data-items]')"},
            {"search.png", "/search?q=sanctions", "900", "document.querySelector('mark')"}};
        try (DevTools browser = DevTools.start(dir.resolve("profile"))) {
            for (String[] shot : shots) {
                browser.open(base + shot[1]);
                browser.waitFor(shot[3]);
                int height = Integer.parseInt(shot[2]);
                byte[] png = browser.screenshot(1280, height);
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
                assertEquals(1280, image.getWidth(), shot[0]);
                assertEquals(height, image.getHeight(), shot[0]);
                Files.write(out.resolve(shot[0]), png);
            }
        }
    }

    /** How many statements the graph derives from an annotation of the test article. */
    private static long statementsOf(String annotation) {
        String q = "SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ;"
                + " <http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/psikg/article/test-article/annotation/"
                + annotation + "> }";
        long n = Long.parseLong(TestServer.query(q, "text/csv").body().lines().skip(1).findFirst().orElseThrow().strip());
        assertTrue(n > 0, annotation + " supports statements");
        return n;
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
