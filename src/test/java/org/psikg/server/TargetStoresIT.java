package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.support.Fixture;

/**
 * A publisher's proof, as the packaged jar runs it: {@code psikg publish} the seeds to a real
 * second store, check that every quad arrived (quads per named graph, counted by the target),
 * then {@code psikg check-queries --endpoint} on it. The queries that do not agree must be
 * exactly the deviations docs/scaling.md documents for that store: none for psikg itself,
 * the listed ones for Virtuoso 7.2 (Debian's virtuoso-opensource, started here on free
 * loopback ports; skipped, with the reason, only where it is not installed).
 */
class TargetStoresIT {
    private static final Path JAR = Path.of("target/psikg.jar");
    private static Map<String, Long> quadsPerGraph;

    @BeforeAll
    static void graph() {
        quadsPerGraph = KnowledgeGraph.build(Path.of("seeds"), Path.of("ontology/psikg.ttl")).quadsPerGraph();
    }

    @Test
    void virtuoso() throws Exception {
        Assumptions.assumeTrue(Virtuoso.installed(), "Virtuoso is not installed (" + Virtuoso.SERVER + "): apt-get install -y "
                + "--no-install-recommends virtuoso-opensource, which .ci/run does; the Virtuoso target is not checked");
        try (Virtuoso v = Virtuoso.start()) {
            publishAndCheck(v.sparql(), List.of("--to", v.graphStore(), "--graph-param", "graph-uri"), "Virtuoso 7.2");
        }
    }

    @Test
    void psikgWithUpdatesAllowedAndItsDefaultLimits() throws Exception {
        // A second psikg over a store of the small fixture corpus, emptied through its own Graph
        // Store endpoint first, so that what it holds afterwards is only what publish sent.
        Path store = Files.createTempDirectory("psikg-target").resolve("tdb2");
        run("build", "--seeds", Fixture.BASE.resolve("seeds").toString(), "--ontology", Fixture.BASE.resolve("ontology.ttl").toString(),
                "--tdb2", store.toString());
        try (ServeProcess target = ServeProcess.startJar(JAR, "--tdb2", store.toString(), "--port", "0", "--allow-update",
                "--timeout", "60", "--timeout-total", "120")) {
            for (String g : graphs(target.url() + "/psikg/sparql").keySet()) {
                HttpResponse<String> deleted = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(target.url()
                        + "/psikg/data?graph=" + URLEncoder.encode(g, StandardCharsets.UTF_8))).DELETE().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(deleted.statusCode() / 100 == 2, deleted.statusCode() + " " + deleted.body());
            }
            assertEquals(Map.of(), graphs(target.url() + "/psikg/sparql"), "the target is empty before publish");
            publishAndCheck(target.url() + "/psikg/sparql", List.of("--to", target.url() + "/psikg/data"), "psikg");
        }
    }

    private static void publishAndCheck(String sparql, List<String> publishArgs, String store) throws Exception {
        List<String> publish = new ArrayList<>(List.of("publish"));
        publish.addAll(publishArgs);
        String published = run(publish.toArray(String[]::new));
        assertTrue(published.contains(quadsPerGraph.size() + " of " + quadsPerGraph.size() + " graphs published"), published);
        assertEquals(quadsPerGraph, graphs(sparql), "quads per named graph on " + store);

        String checked = runAllowingExit(1, "check-queries", "--endpoint", sparql, "--timeout", "120");
        TreeSet<String> notAgreeing = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^queries/(\\d\\d-[a-z0-9-]+)\\.rq: (differs|failed)").matcher(checked);
        while (m.find()) {
            notAgreeing.add(m.group(1));
        }
        assertEquals(documentedDeviations(store), notAgreeing, "queries that do not agree on " + store
                + " (each must be a documented deviation of the store in docs/scaling.md):\n" + checked);
    }

    /** The queries docs/scaling.md lists as answered otherwise by the store: its table under "Deviations of STORE". */
    static TreeSet<String> documentedDeviations(String store) throws IOException {
        TreeSet<String> listed = new TreeSet<>();
        boolean in = false;
        for (String line : Files.readAllLines(Path.of("docs/scaling.md"))) {
            if (line.startsWith("#")) {
                in = line.matches("#+ Deviations of " + Pattern.quote(store) + "\\b.*");
                continue;
            }
            Matcher m = Pattern.compile("^\\| \\[(\\d\\d-[a-z0-9-]+)]").matcher(line);
            if (in && m.find()) {
                listed.add(m.group(1));
            }
        }
        return listed;
    }

    /** Quads per named graph of psikg's graphs, as the store counts them. */
    private static Map<String, Long> graphs(String sparql) throws Exception {
        String query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                + "FILTER (STRSTARTS(STR(?g), \"https://w3id.org/psikg/graph/\")) } GROUP BY ?g";
        HttpResponse<byte[]> r = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(sparql))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        Map<String, Long> counts = new TreeMap<>();
        ResultSet rs = ResultSetMgr.read(new java.io.ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON);
        while (rs.hasNext()) {
            QuerySolution row = rs.next();
            counts.put(row.getResource("g").getURI(), row.getLiteral("n").getLong());
        }
        return counts;
    }

    private static String run(String... args) throws Exception {
        return runAllowingExit(0, args);
    }

    /** Runs the packaged jar; exit 0, or the other code allowed. */
    private static String runAllowingExit(int allowed, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), String.join(" ", args) + " did not finish");
        assertTrue(p.exitValue() == 0 || p.exitValue() == allowed, String.join(" ", args) + " exited " + p.exitValue() + ":\n" + printed);
        return printed;
    }
}
