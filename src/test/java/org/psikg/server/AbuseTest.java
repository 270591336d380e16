package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.store.TdbStore;
import org.psikg.support.Fixture;

/**
 * What a hostile client tries against the real server, beyond the safe defaults of
 * {@link SafetyTest}: reading local files through the dataset description, path tricks,
 * timeout-evading query shapes twenty at once, results over the cap, markup in the data,
 * and odd Accept headers.
 */
class AbuseTest {
    private static final String CROSS = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l";

    @TempDir
    Path tmp;

    // --- local files -------------------------------------------------------------------

    @Test
    void datasetDescriptionsNeverReadLocalFiles() throws IOException {
        String secret = "secret-" + UUID.randomUUID();
        Path file = tmp.resolve("secret.nt");
        Files.writeString(file, "<http://example.org/s> <http://example.org/p> \"" + secret + "\" .\n");
        String iri = file.toUri().toString();
        List<String> queries = List.of(
                "SELECT * FROM <" + iri + "> WHERE { ?s ?p ?o }",
                "SELECT * FROM NAMED <" + iri + "> WHERE { GRAPH ?g { ?s ?p ?o } }",
                "SELECT * WHERE { GRAPH <" + iri + "> { ?s ?p ?o } }",
                "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 5",
                "SELECT * WHERE { ?s ?p \"" + secret + "\" }");
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String q : queries) {
            answers.add(TestServer.query(q, "application/sparql-results+json, text/turtle;q=0.9"));
        }
        String enc = SparqlProtocolTest.enc(iri);
        String select = SparqlProtocolTest.enc("SELECT * WHERE { ?s ?p ?o } LIMIT 50");
        String named = SparqlProtocolTest.enc("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 50");
        answers.add(TestServer.get("/psikg/sparql?default-graph-uri=" + enc + "&query=" + select, "text/csv"));
        answers.add(TestServer.get("/psikg/sparql?named-graph-uri=" + enc + "&query=" + named, "text/csv"));
        answers.add(TestServer.get("/psikg/data?graph=" + enc, "application/n-triples"));
        for (HttpResponse<String> r : answers) {
            assertTrue(r.statusCode() < 500, r.uri() + " " + r.statusCode() + ": " + r.body());
            assertFalse(r.body().contains(secret), "the file was read: " + r.uri());
        }
    }

    // --- Fuseki's extra parameters ----------------------------------------------------------

    @Test
    void stylesheetAndCallbackAreRefusedAndQueryRefFetchesNothing() throws IOException {
        String select = SparqlProtocolTest.enc("SELECT * WHERE { ?s ?p ?o } LIMIT 1");
        String script = SparqlProtocolTest.enc("\"?><script xmlns=\"http://www.w3.org/1999/xhtml\">alert(1)</script><?x ");
        HttpResponse<String> xml = TestServer.get("/psikg/sparql?query=" + select + "&stylesheet=" + script,
                "application/sparql-results+xml");
        assertEquals(400, xml.statusCode(), xml.body());
        assertFalse(xml.body().contains("<script"), xml.body());
        // The dataset's own URL is no second way in: it answers no query at all.
        HttpResponse<String> root = TestServer.get("/psikg?query=" + select + "&stylesheet=" + script,
                "application/sparql-results+xml");
        assertEquals(400, root.statusCode(), root.body());
        assertFalse(root.body().contains("<script"), root.body());
        HttpResponse<String> jsonp = TestServer.get("/psikg/sparql?query=" + select + "&callback=alert(1)//",
                "application/sparql-results+json");
        assertEquals(400, jsonp.statusCode(), jsonp.body());
        HttpResponse<String> plain = TestServer.get("/psikg/sparql?query=" + select, "application/sparql-results+json");
        assertEquals(200, plain.statusCode());
        assertEquals("nosniff", plain.headers().firstValue("X-Content-Type-Options").orElse(""), "Fuseki's answers too");
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(1500);
            String ref = SparqlProtocolTest.enc("http://127.0.0.1:" + listener.getLocalPort() + "/q.rq");
            for (String param : List.of("query-ref", "queryRef")) {
                HttpResponse<String> r = TestServer.get("/psikg/sparql?" + param + "=" + ref, "application/sparql-results+json");
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, param + " answered " + r.statusCode());
            }
            try {
                listener.accept().close();
                throw new AssertionError("the server fetched the query-ref URL");
            } catch (java.net.SocketTimeoutException expected) {
                // No connection: what we want.
            }
        }
    }

    // --- paths -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "/docs/../pom.xml", "/docs/../../../../etc/passwd", "/docs/%2e%2e/pom.xml", "/docs/%2E%2E/%2E%2E/etc/passwd",
        "/docs/..%2fpom.xml", "/docs/..%2Fpom.xml", "/docs/%2e%2e%2fpom.xml", "/docs/%252e%252e/pom.xml",
        "/docs/%252e%252e%252fpom.xml", "/docs/..;/pom.xml", "/docs/..;/..;/etc/passwd", "/docs/..%5cpom.xml",
        "/docs/..\\pom.xml", "/docs/%2fetc%2fpasswd", "/docs//etc/passwd", "/docs/....//pom.xml", "/docs/server.md%00.txt",
        "/docs/%c0%ae%c0%ae/pom.xml", "/ui/../pom.xml", "/ui/..%2f..%2fpom.xml", "/ui/yasgui/%2e%2e/%2e%2e/%2e%2e/pom.xml",
        "/dumps/../pom.xml", "/dumps/..%2f..%2fpom.xml", "/dumps/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
        "/..;/pom.xml", "/id/..%2f..%2fpom.xml", "/id/%2e%2e/%2e%2e/pom.xml", "/article/..;/..;/pom.xml",
        "/psikg/%2e%2e/%2e%2e/pom.xml", "/psikg/data/..%2f..%2fpom.xml", "/docs/%2e%2e%5c%2e%2e%5cpom.xml",
    })
    void pathTricksServeNothingOutside(String path) throws IOException {
        RawHttp.Response r = RawHttp.send(null, TestServer.url(), "GET " + path + " HTTP/1.1", Map.of(), null);
        assertTrue(r.status() == 400 || r.status() == 404, path + " answered " + r.status() + ": " + r.body());
        assertFalse(r.body().contains("<modelVersion>"), path + " served pom.xml");
        assertFalse(r.body().contains("root:x:0:0"), path + " served /etc/passwd");
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<modelVersion>"), "the probe file has what is looked for");
    }

    // --- timeouts, twenty at once --------------------------------------------------------

    /** Shapes that a timeout checked only between rows might miss; each sent by two clients at once. */
    private static final List<String> SLOW_SHAPES = List.of(
            "SELECT (COUNT(*) AS ?n) WHERE { " + CROSS + " }",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c OPTIONAL { ?d ?e ?f OPTIONAL { ?g ?h ?i OPTIONAL { ?j ?k ?l } } } }",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a (<http://example.org/p>|!<http://example.org/p>)* ?b ."
                    + " ?c (<http://example.org/p>|!<http://example.org/p>)* ?d }",
            "SELECT ?a (COUNT(*) AS ?n) (GROUP_CONCAT(?l) AS ?all) WHERE { " + CROSS + " } GROUP BY ?a",
            "SELECT * WHERE { " + CROSS + " } ORDER BY ?l ?i ?f ?c LIMIT 1",
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT * WHERE { " + CROSS + " } }",
            // Backtracking inside one REGEX call, where a timeout checked between rows cannot reach.
            "ASK { BIND (CONCAT(\"" + "a".repeat(3_000) + "\", \"!\") AS ?x) FILTER REGEX(?x, \".*.*.*x\") }",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER NOT EXISTS { ?g ?h ?i . ?j ?k ?l FILTER (?g = ?a && ?l = ?c && ?i = ?f) } }",
            "CONSTRUCT { ?a ?b ?l } WHERE { " + CROSS + " }",
            "DESCRIBE ?a ?d ?g WHERE { " + CROSS + " }");

    @Test
    void timeoutEvadingShapesTwentyAtOnceAreAllStoppedAndTheCpuGoesIdle() throws Exception {
        int n = SLOW_SHAPES.size() * 2;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        TestServer.url();
        long start = System.nanoTime();
        List<Future<RawHttp.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                // Each from an address of its own: these are twenty clients, not one over its limit.
                InetAddress from = InetAddress.getByName("127.0.0." + (10 + i));
                String q = SLOW_SHAPES.get(i % SLOW_SHAPES.size());
                answers.add(pool.submit(() -> {
                    go.await();
                    return RawHttp.send(from, TestServer.url(), "GET /psikg/sparql?query=" + SparqlProtocolTest.enc(q)
                            + " HTTP/1.1", Map.of("Accept", "application/sparql-results+json, application/n-triples"), null);
                }));
            }
            go.countDown();
            for (int i = 0; i < n; i++) {
                RawHttp.Response r = answers.get(i).get(5, TimeUnit.MINUTES);
                String q = SLOW_SHAPES.get(i % SLOW_SHAPES.size());
                // Timed out, or stopped sooner because other long queries were running (QueryWatch).
                boolean timedOut = r.status() == 503 && (r.body().toLowerCase(Locale.ROOT).contains("timed out")
                        || r.body().contains("long queries"));
                boolean capped = r.status() == 400 && r.body().contains("result too large");
                // GROUP_CONCAT stops where its string would pass the most a query may build.
                boolean bounded = r.status() == 400 && r.body().contains("the most a query may build");
                assertTrue(timedOut || capped || bounded, q + "\n answered " + r.status() + ": " + r.body());
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // Behaviour, not speed: the timeout is 3 s; a query that kept running would take minutes.
        assertTrue(seconds < 60, "twenty slow queries answered after " + seconds + " s");
        Thread.sleep(1000);
        // The server's request threads (Jetty's "qtp"), where a query that kept running would
        // be; the whole process too, for the record (GC and JIT tidy up after the queries).
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long process0 = os.getProcessCpuTime();
        Map<Long, Long> server0 = serverThreadCpu();
        long wall0 = System.nanoTime();
        Thread.sleep(3000);
        Map<Long, Long> server1 = serverThreadCpu();
        double processSeconds = (os.getProcessCpuTime() - process0) / 1e9;
        double window = (System.nanoTime() - wall0) / 1e9;
        double serverSeconds = server1.entrySet().stream()
                .mapToLong(e -> e.getValue() - server0.getOrDefault(e.getKey(), 0L)).sum() / 1e9;
        List<String> running = queryThreads();
        System.out.printf("20 slow queries (%d shapes) all stopped in %.1f s; then in %.1f s: %.2f s CPU in request threads,"
                + " %.2f s in the whole JVM; query threads left: %d%n",
                SLOW_SHAPES.size(), seconds, window, serverSeconds, processSeconds, running.size());
        assertTrue(running.isEmpty(), "threads still in a query: " + running);
        // One runaway query would take a whole core for the whole window.
        assertTrue(serverSeconds < window / 4, serverSeconds + " s of CPU in request threads in " + window + " s after the queries ended");
        assertEquals(200, TestServer.query("ASK { ?s ?p ?o }", "application/sparql-results+json").statusCode());
    }

    /** CPU nanoseconds of each of Jetty's request threads, by thread id. */
    private static Map<Long, Long> serverThreadCpu() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (ThreadInfo t : mx.dumpAllThreads(false, false)) {
            if (t.getThreadName().startsWith("qtp")) {
                long ns = mx.getThreadCpuTime(t.getThreadId());
                if (ns >= 0) {
                    cpu.put(t.getThreadId(), ns);
                }
            }
        }
        return cpu;
    }

    /** Threads of this JVM with a SPARQL engine frame on their stack. */
    static List<String> queryThreads() {
        List<String> found = new ArrayList<>();
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("org.apache.jena.sparql.engine")
                    || f.getClassName().startsWith("org.apache.jena.fuseki.servlets.SPARQLQueryProcessor"))) {
                found.add(t.getThreadName());
            }
        }
        return found;
    }

    @Test
    void regexAndReplaceStillMeanWhatSparqlSays() {
        HttpResponse<String> r = TestServer.query("SELECT (REGEX(\"Abc\", \"^a\", \"i\") AS ?i) (REGEX(\"Abc\", \"^a\") AS ?plain)"
                + " (REPLACE(\"aXbX\"@en, \"x\", \"-$0\", \"i\") AS ?r) (REGEX(\"a.c\", \".\", \"q\") AS ?q)"
                + " (REGEX(\"x\", ?open) AS ?bad) (REGEX(1, \"1\") AS ?notString) WHERE { BIND (\"[\" AS ?open) }",
                "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        String body = r.body().replaceAll("\\s+", "");
        assertTrue(body.contains("\"i\":{\"type\":\"literal\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#boolean\",\"value\":\"true\"}"), body);
        assertTrue(body.contains("\"plain\":{\"type\":\"literal\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#boolean\",\"value\":\"false\"}"), body);
        assertTrue(body.contains("\"r\":{\"type\":\"literal\",\"xml:lang\":\"en\",\"value\":\"a-Xb-X\"}"), body);
        assertTrue(body.contains("\"q\":{\"type\":\"literal\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#boolean\",\"value\":\"true\"}"), body);
        assertFalse(body.contains("\"bad\":{"), "a bad pattern is an error, so unbound: " + body);
        assertFalse(body.contains("\"notString\":{"), "REGEX of a number is an error: " + body);
    }

    /** With --allow-service, a remote endpoint that never answers cannot hold a query past its timeout. */
    @Test
    void allowedServiceToASilentEndpointIsBoundedByTheTimeout() throws Exception {
        KnowledgeGraph kg = TestServer.graph();
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                PsikgServer server = PsikgServer.start(TdbStore.inMemory(kg.dataset(), kg.prefixes()),
                        TestServer.SETTINGS.toBuilder().allowService(true).build(), Path.of("docs"))) {
            List<java.net.Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(listener.accept());
                    }
                } catch (IOException e) {
                    // The listener closed: the test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String q = "SELECT * WHERE { SERVICE <http://127.0.0.1:" + listener.getLocalPort() + "/sparql> { ?s ?p ?o } }";
            long start = System.nanoTime();
            RawHttp.Response r = RawHttp.send(null, server.url(), "GET /psikg/sparql?query=" + SparqlProtocolTest.enc(q)
                    + " HTTP/1.1", Map.of("Accept", "text/csv"), null);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("--allow-service, SERVICE to an endpoint that never answers: %d in %.1f s%n", r.status(), seconds);
            assertTrue(r.status() >= 500, r.status() + ": " + r.body());
            assertFalse(held.isEmpty(), "the SERVICE call was made (it is allowed)");
            // The total timeout is 3 s; a call without a timeout would wait for ever.
            assertTrue(seconds < 60, "answered after " + seconds + " s");
            for (java.net.Socket s : held) {
                s.close();
            }
        }
    }

    // --- caps ----------------------------------------------------------------------------

    @Test
    void unboundedResultsHitTheCapAndSaySo() {
        int cap = TestServer.SETTINGS.maxRows();
        HttpResponse<String> select = TestServer.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", "text/csv");
        assertEquals(400, select.statusCode(), select.body());
        assertTrue(select.body().contains("more than " + cap + " rows"), select.body());
        // The last one never ends (a cross product of four): it is stopped at the cap, not at the timeout.
        for (String q : List.of("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", "DESCRIBE ?s WHERE { ?s ?p ?o }",
                "CONSTRUCT { ?a ?b ?l . ?d ?e ?i } WHERE { " + CROSS + " }")) {
            HttpResponse<String> r = TestServer.query(q, "application/n-quads, application/n-triples;q=0.9");
            assertEquals(400, r.statusCode(), q + ": " + r.body());
            assertTrue(r.body().contains("more than " + cap + " triples"), r.body());
        }
        // A quad CONSTRUCT is ARQ's syntax, off unless --allow-arq-syntax.
        HttpResponse<String> quads = TestServer.query("CONSTRUCT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
                "application/n-quads");
        assertEquals(400, quads.statusCode(), quads.body());
        assertTrue(quads.body().contains("not SPARQL 1.1"), quads.body());
    }

    // --- markup in the data ------------------------------------------------------------------

    private static final String IMG = "\"><img src=x onerror=alert(2)>";
    private static final String JS = "javascript:alert(3)";

    @Test
    void markupInTheDataIsEscapedAndNoScriptLinkIsMade() throws IOException {
        Path dir = tmp.resolve("xss");
        Fixture.copyTree(Fixture.BASE, dir);
        Path registry = dir.resolve("seeds/registry/entities.yaml");
        String yaml = Files.readString(registry);
        String hostile = "note: '" + TestServer.SCRIPT + " " + IMG.replace("'", "''") + " " + JS + " The union.'";
        String changed = yaml.replaceFirst("note: The union of Armenia[^\n]*", java.util.regex.Matcher.quoteReplacement(hostile));
        assertTrue(changed.contains(hostile), "the base fixture changed");
        Files.writeString(registry, changed);
        Path ontology = dir.resolve("ontology.ttl");
        Files.writeString(ontology, Files.readString(ontology) + "\npsi:State rdfs:label \"" + IMG.replace("\"", "\\\"")
                + "\"@en ;\n    rdfs:comment \"" + TestServer.SCRIPT + "\"@en ;\n    rdfs:subClassOf <" + JS + "> .\n");
        KnowledgeGraph kg = KnowledgeGraph.build(dir.resolve("seeds"), ontology);
        try (PsikgServer server = PsikgServer.start(TdbStore.inMemory(kg.dataset(), kg.prefixes()),
                TestServer.SETTINGS, Path.of("docs"))) {
            for (String path : List.of("/id/eaeu", "/ontology", "/id/russia")) {
                RawHttp.Response r = RawHttp.send(null, server.url(), "GET " + path + " HTTP/1.1", Map.of("Accept", "text/html"), null);
                assertEquals(200, r.status(), path + ": " + r.body());
                String html = r.body();
                assertFalse(html.contains(TestServer.SCRIPT), path + " has the script unescaped");
                assertFalse(html.contains("<img"), path + " has the img element unescaped");
                assertFalse(html.toLowerCase(Locale.ROOT).matches("(?s).*(href|src)\\s*=\\s*[\"']?\\s*javascript:.*"),
                        path + " links to a javascript: URL");
                assertTrue(r.header("Content-Security-Policy").contains("default-src 'none'"), path + " has no CSP");
            }
            String eaeu = RawHttp.send(null, server.url(), "GET /id/eaeu HTTP/1.1", Map.of("Accept", "text/html"), null).body();
            assertTrue(eaeu.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the note is shown, as text");
            String onto = RawHttp.send(null, server.url(), "GET /ontology HTTP/1.1", Map.of("Accept", "text/html"), null).body();
            assertTrue(onto.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), "the ontology label is shown, as text");
            assertTrue(onto.contains(JS), "the javascript: IRI is shown, as text");
        }
    }

    // --- Accept headers -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "*/*;q=0", "garbage", "text/html;q=0.5, text/turtle;q=0.5", "application/x-nothing",
        "text/*;q=0, */*;q=0.1", "TEXT/HTML", "text/html;q=abc", ";;;,,,", "text/turtle;q=0, application/ld+json;q=0",
        "HUGE", "MANY"})
    void oddAcceptHeadersAreAnsweredTheSameEveryTime(String accept) {
        String header = switch (accept) {
            case "HUGE" -> "text/plain;q=0.1, ".repeat(20_000) + "text/turtle";
            case "MANY" -> String.join(", ", java.util.stream.IntStream.range(0, 300).mapToObj(i -> "application/x-" + i + ";q=0." + (i % 10)).toList());
            default -> accept;
        };
        for (String path : List.of("/id/eaeu", "/ontology", "/.well-known/void", "/psikg/sparql",
                "/psikg/sparql?query=" + SparqlProtocolTest.enc("SELECT * WHERE { ?s ?p ?o } LIMIT 1"),
                "/psikg/sparql?query=" + SparqlProtocolTest.enc("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"),
                "/psikg/data?default")) {
            Map<String, String> h = header.isEmpty() ? Map.of("Accept", "") : Map.of("Accept", header);
            RawHttp.Response first = RawHttp.send(null, TestServer.url(), "GET " + path + " HTTP/1.1", h, null);
            RawHttp.Response second = RawHttp.send(null, TestServer.url(), "GET " + path + " HTTP/1.1", h, null);
            String what = path + " with Accept: " + (header.length() > 60 ? header.substring(0, 60) + "..." : header);
            assertTrue(first.status() == 200 || first.status() == 406, what + " answered " + first.status() + ": " + first.body());
            assertEquals(first.status(), second.status(), what);
            assertEquals(first.header("Content-Type"), second.header("Content-Type"), what);
            if (accept.equals("application/x-nothing") && !path.startsWith("/psikg/")) {
                assertEquals(406, first.status(), what);
            }
            if (accept.equals("*/*;q=0") && !path.startsWith("/psikg/")) {
                assertEquals(406, first.status(), what);
            }
        }
    }
}
