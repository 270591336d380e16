package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;

/**
 * One case per kind of bad input (src/test/resources/bad-input/CASE/case.yaml): the build
 * must exit with the case's code (2 unless it says otherwise), print every expected line,
 * each naming file, line and column, and leave the previous output untouched.
 */
class BadInputTest {
    private static final String OLD = "previous build\n";

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> badInput() {
        return Fixture.cases("bad-input").stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    @SuppressWarnings("unchecked")
    private void check(Path caseDir) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(caseDir.getFileName().toString()));
        Map<String, Object> spec = Fixture.materialise(caseDir, dir);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path trig = out.resolve("psikg.trig");
        Files.writeString(trig, OLD);
        Cli.Result r = Cli.run("build", "--seeds", dir.resolve("seeds").toString(),
                "--ontology", dir.resolve("ontology.ttl").toString(), "--out", trig.toString());
        String err = r.err().replace(dir + "/", "");
        List<String> expected = (List<String>) spec.get("stderr");
        assertAll(
                () -> assertEquals(((Number) spec.getOrDefault("exit", 2)).intValue(), r.exit(), r.both()),
                () -> assertTrue(!expected.isEmpty(), "case.yaml lists what stderr must say"),
                () -> expected.forEach(line -> assertTrue(err.contains(line), "stderr lacks: " + line + "\n" + err)),
                () -> assertEquals(OLD, Files.readString(trig), "the previous output was changed"),
                () -> assertEquals(List.of("psikg.trig"), list(out), "something else was written"));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
