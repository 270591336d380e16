package org.psikg.corpus.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.validate.Report;
import org.psikg.validate.Severity;
import org.psikg.validate.Validator;

class SyntheticCorpusTest {
    private static final Path SEEDS = Path.of("seeds");
    private static final Path ONTOLOGY = Path.of("ontology/psikg.ttl");
    private static final Pattern NODE_CLASS = Pattern.compile("(?m)^\\s+a: (\\w+)$");
    private static final Pattern FACT = Pattern.compile("(?m)^\\s+- (?!quote:)\\S+ \\S+ .+$");

    @Test
    void sameSeedGivesSameBytesAndAnotherSeedOthers() throws IOException {
        Map<String, byte[]> a = SyntheticCorpus.generate(SEEDS, 8, 42).files();
        Map<String, byte[]> b = SyntheticCorpus.generate(SEEDS, 8, 42).files();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((path, bytes) -> assertArrayEquals(bytes, b.get(path), path));
        byte[] other = SyntheticCorpus.generate(SEEDS, 8, 43).files().get("00001_synthetic.txt");
        assertNotEquals(new String(a.get("00001_synthetic.txt"), StandardCharsets.UTF_8), new String(other, StandardCharsets.UTF_8));
    }

    /** Two JVMs, not one: hash seeds and Map.of orders differ between JVM runs, and must not reach the bytes. */
    @Test
    void twoProcessesWriteTheSameBytes(@TempDir Path dir) throws IOException, InterruptedException {
        generateInNewJvm(dir.resolve("a"));
        generateInNewJvm(dir.resolve("b"));
        Map<String, byte[]> a = readTree(dir.resolve("a"));
        Map<String, byte[]> b = readTree(dir.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((path, bytes) -> assertArrayEquals(bytes, b.get(path), path));
    }

    @Test
    void buildsWithoutErrorsAndConforms(@TempDir Path dir) throws IOException {
        Path corpus = dir.resolve("corpus");
        SyntheticCorpus.generate(SEEDS, 4, 7).writeTo(corpus);
        KnowledgeGraph kg = KnowledgeGraph.build(corpus, ONTOLOGY);
        assertEquals(4, kg.corpus().articles().size());
        assertTrue(kg.corpus().articles().stream().allMatch(a -> a.annotations().size() >= 15));
        Report report = Validator.load(Path.of("shapes")).validate(kg.dataset());
        assertTrue(report.conforms(Severity.VIOLATION), () -> report.results().toString());
    }

    @Test
    void registryGrowsWithTheArticles() throws IOException {
        int small = entities(SyntheticCorpus.generate(SEEDS, 10, 1).files());
        int large = entities(SyntheticCorpus.generate(SEEDS, 100, 1).files());
        assertTrue(large > 3 * small, small + " entities for 10 articles, " + large + " for 100");
    }

    /** Kinds of node and facts per annotation: shares in 300 synthetic articles within 4 points of the seeds'. */
    @Test
    void keepsTheSeedsProportions() throws IOException {
        Map<String, Double> seeds = proportions(seedFiles());
        Map<String, Double> synthetic = proportions(SyntheticCorpus.generate(SEEDS, 300, 3).files());
        for (Map.Entry<String, Double> e : seeds.entrySet()) {
            double got = synthetic.getOrDefault(e.getKey(), 0.0);
            assertEquals(e.getValue(), got, 0.04, e.getKey() + ": seeds " + e.getValue() + ", synthetic " + got);
        }
    }

    private static void generateInNewJvm(Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.psikg.cli.Main", "generate", "--articles", "6", "--seed", "11",
                "--out", out.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, p.waitFor());
    }

    private static Map<String, byte[]> readTree(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static int entities(Map<String, byte[]> files) {
        String registry = new String(files.get("registry/synthetic.yaml"), StandardCharsets.UTF_8);
        return (int) registry.lines().filter(l -> l.matches("  [a-z0-9-]+:")).count();
    }

    /** Share of each node class among all nodes and facts of the annotation files. */
    private static Map<String, Double> proportions(Map<String, byte[]> files) {
        Map<String, Integer> counts = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (!path.startsWith("registry/") && path.endsWith(".yaml")) {
                String yaml = new String(bytes, StandardCharsets.UTF_8);
                Matcher m = NODE_CLASS.matcher(yaml);
                while (m.find()) {
                    counts.merge(m.group(1), 1, Integer::sum);
                }
                counts.merge("fact", (int) FACT.matcher(yaml).results().count(), Integer::sum);
            }
        });
        double total = counts.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v / total));
        return out;
    }

    private static Map<String, byte[]> seedFiles() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(SEEDS)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
