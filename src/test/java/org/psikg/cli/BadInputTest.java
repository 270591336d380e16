package org.psikg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.BadRun;
import org.psikg.support.Fixture;

/**
 * One case per kind of bad input (src/test/resources/bad-input/CASE/case.yaml): build and
 * validate must exit with the case's code (2 unless it says otherwise), print every
 * expected line, each naming file, line and column, and write nothing of the graph: the
 * previous TriG stays as it was and no TDB2 folder appears, while validate's report is
 * replaced by one that holds the errors. A case may name its ontology
 * file ({@code ontology}, default ontology.ttl), bring its own {@code shapes/} folder and
 * run only some {@code commands}.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> badInput() {
        return Fixture.cases("bad-input").stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    @SuppressWarnings("unchecked")
    private void check(Path caseDir) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(caseDir.getFileName().toString()));
        Map<String, Object> spec = Fixture.materialise(caseDir, dir);
        new BadRun(dir, (String) spec.getOrDefault("ontology", "ontology.ttl"),
                (List<String>) spec.getOrDefault("commands", List.of("build", "validate")),
                ((Number) spec.getOrDefault("exit", 2)).intValue(), (List<String>) spec.get("stderr")).check();
    }
}
