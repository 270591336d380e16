package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.store.TdbStore;
import org.psikg.support.Fixture;

/**
 * Faults, with the packaged jar as a user runs it: {@code build --tdb2} killed with SIGKILL
 * at many moments leaves exactly the old store or the new one; a second process that opens
 * a store in use stops at once with a message and exit code 2.
 */
class FaultsIT {
    private static final Path JAR = Path.of("target/psikg.jar");

    @TempDir
    Path tmp;

    private record Run(int exit, String output, double seconds) {
    }

    private static Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        return p;
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = start(args);
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "psikg " + String.join(" ", args) + " did not end");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1e9);
    }

    private String[] build(Path corpus, Path store) {
        return new String[] {"build", "--seeds", corpus.resolve("seeds").toString(), "--ontology",
            corpus.resolve("ontology.ttl").toString(), "--out", tmp.resolve("out/psikg.trig").toString(), "--tdb2", store.toString()};
    }

    /** Two corpora that differ in one literal. */
    private Path[] corpora() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Fixture.copyTree(Fixture.BASE, a);
        Fixture.copyTree(Fixture.BASE, b);
        Path registry = b.resolve("seeds/registry/entities.yaml");
        String yaml = Files.readString(registry);
        assertTrue(yaml.contains("note: The union of Armenia"));
        Files.writeString(registry, yaml.replace("note: The union of Armenia", "note: The second version. The union of Armenia"));
        return new Path[] {a, b};
    }

    /**
     * SHA-256 of the store's quads as sorted N-Quads, opened the way serve opens it (which
     * first undoes an interrupted swap). Blank nodes are written as {@code _:b}: their labels
     * are new in every build, their place in the quads is not.
     */
    static String checksum(Path store) throws NoSuchAlgorithmException {
        DatasetGraph dsg = TdbStore.open(store);
        try {
            List<String> lines = Txn.calculateRead(dsg, () -> {
                List<String> l = new ArrayList<>();
                dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> l.add(line(q)));
                return l;
            });
            lines.sort(null);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                sha.update((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    private static String line(Quad q) {
        return term(q.getSubject()) + " " + term(q.getPredicate()) + " " + term(q.getObject()) + " " + term(q.getGraph()) + " .";
    }

    private static String term(Node n) {
        return n.isBlank() ? "_:b" : org.apache.jena.riot.out.NodeFmtLib.strNT(n);
    }

    @Test
    void killDuringBuildLeavesTheOldStoreOrTheNew() throws Exception {
        Path[] corpus = corpora();
        Path store = tmp.resolve("store");
        Path scratch = tmp.resolve("scratch");
        Run first = run(build(corpus[1], scratch));
        assertEquals(0, first.exit(), first.output());
        String sumB = checksum(scratch);
        Run whole = run(build(corpus[0], store));
        assertEquals(0, whole.exit(), whole.output());
        String sumA = checksum(store);
        assertNotEquals(sumA, sumB, "the two corpora give different stores");
        String[] sums = {sumA, sumB};
        int current = 0;
        int keptOld = 0;
        int gotNew = 0;
        double[] fractions = {0.15, 0.3, 0.45, 0.55, 0.65, 0.72, 0.8, 0.86, 0.9, 0.94, 0.97, 1.0};
        List<String> report = new ArrayList<>();
        for (double f : fractions) {
            int next = 1 - current;
            Process p = start(build(corpus[next], store));
            long killAt = (long) (f * whole.seconds() * 1000);
            boolean endedFirst = p.waitFor(killAt, TimeUnit.MILLISECONDS);
            p.destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String sum = checksum(store);
            assertTrue(sum.equals(sumA) || sum.equals(sumB), "after a kill at " + killAt + " ms the store is neither old nor new");
            boolean isNew = sum.equals(sums[next]);
            report.add(String.format("%d ms: %s%s", killAt, isNew ? "new" : "old", endedFirst ? " (had ended)" : ""));
            if (isNew) {
                gotNew++;
                current = next;
            } else {
                keptOld++;
            }
            assertTrue(Files.notExists(tmp.resolve(".store.old")), "no old store left after opening");
        }
        System.out.printf("build --tdb2 (%.1f s whole) killed %d times: old store %d, new store %d; %s%n",
                whole.seconds(), fractions.length, keptOld, gotNew, report);
        assertTrue(keptOld > 0, "some kills came before the swap");
        assertEquals(0, run(build(corpus[0], store)).exit(), "a build after the kills completes");
        assertEquals(sumA, checksum(store));
    }

    @Test
    void aSecondProcessOnAStoreInUseStopsAtOnce() throws Exception {
        Path corpus = tmp.resolve("c");
        Fixture.copyTree(Fixture.BASE, corpus);
        Path store = tmp.resolve("store");
        assertEquals(0, run(build(corpus, store)).exit());
        String before = checksum(store);
        try (ServeProcess server = ServeProcess.startJar(JAR, "--tdb2", store.toString(), "--port", "0")) {
            Run second = run("serve", "--tdb2", store.toString(), "--port", "0");
            System.out.printf("a second serve on a store in use: exit %d in %.2f s: %s%n", second.exit(), second.seconds(),
                    second.output().strip());
            assertEquals(2, second.exit(), second.output());
            assertTrue(second.output().contains("in use by another process"), second.output());
            assertTrue(second.output().contains("[io]"), second.output());
            Run rebuild = run(build(corpus, store));
            System.out.printf("build --tdb2 over a served store: exit %d in %.2f s: %s%n", rebuild.exit(), rebuild.seconds(),
                    rebuild.output().strip());
            assertEquals(2, rebuild.exit(), rebuild.output());
            assertTrue(rebuild.output().contains("in use by another process"), rebuild.output());
            assertTrue(Files.notExists(tmp.resolve("out/psikg.trig.tmp")));
            RawHttp.Response r = RawHttp.send(null, server.url(), "GET /psikg/sparql?query=ASK%7B%3Fs%3Fp%3Fo%7D HTTP/1.1",
                    java.util.Map.of("Accept", "application/sparql-results+json"), null);
            assertEquals(200, r.status(), "the first server still answers");
        }
        assertEquals(before, checksum(store), "the store is as it was");
    }
}
