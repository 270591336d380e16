package org.psikg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.rdf.RdfFiles;
import org.psikg.support.Fixture;
import org.psikg.vocab.Prefixes;

/**
 * psikg's own rules (shapes/), driven by src/test/resources/validate/cases: each case edits
 * the validation fixture (or brings a dataset file) and lists the results it must produce,
 * with shape, severity, message and source. The fixture itself, and the real seeds, must
 * have no violation.
 */
class ValidationCasesTest {
    static final Path FIXTURE = Fixture.RESOURCES.resolve("fixtures/validate");
    static final Path ONTOLOGY = Path.of("ontology/psikg.ttl");
    static final Path SHAPES = Path.of("shapes");

    @TempDir
    Path tmp;

    @Test
    void theFixtureConforms() {
        Report report = Validator.load(SHAPES).validate(KnowledgeGraph.build(FIXTURE.resolve("seeds"), ONTOLOGY));
        assertEquals(List.of(), report.results().stream().map(ValidationCasesTest::line).toList());
    }

    @Test
    void theSeedsHaveNoViolation() {
        Report report = Validator.load(SHAPES).validate(KnowledgeGraph.build(Path.of("seeds"), ONTOLOGY).dataset());
        assertEquals(List.of(), report.results().stream().filter(r -> r.severity() == Severity.VIOLATION)
                .map(ValidationCasesTest::line).toList());
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        return Fixture.cases("validate/cases").stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    @SuppressWarnings("unchecked")
    private void check(Path caseDir) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(caseDir.getFileName().toString()));
        Fixture.copyTree(FIXTURE, dir);
        Map<String, Object> spec = Fixture.apply(caseDir, dir);
        Validator validator = Validator.load(SHAPES);
        Report report = spec.containsKey("data") ? validator.validate(RdfFiles.dataset(caseDir.resolve((String) spec.get("data"))))
                : validator.validate(KnowledgeGraph.build(dir.resolve("seeds"), ONTOLOGY));
        List<String> actual = report.results().stream().map(ValidationCasesTest::line).toList();
        boolean conforms = Boolean.TRUE.equals(spec.get("conforms"));
        assertEquals(conforms, report.results().isEmpty(), String.join("\n", actual));
        List<Map<String, Object>> expected = (List<Map<String, Object>>) spec.getOrDefault("results", List.of());
        assertFalse(expected.isEmpty() && !conforms, "case.yaml lists the results it expects");
        for (Map<String, Object> e : expected) {
            assertTrue(report.results().stream().anyMatch(r -> matches(r, e)),
                    "no result " + e + " among:\n" + actual.stream().collect(Collectors.joining("\n")));
        }
    }

    private static boolean matches(Result r, Map<String, Object> e) {
        var prefixes = Prefixes.common();
        return (!e.containsKey("severity") || r.severity().name().equalsIgnoreCase((String) e.get("severity")))
                && (!e.containsKey("shape") || prefixes.expandPrefix((String) e.get("shape")).equals(r.shape().toString()))
                && (!e.containsKey("focus") || e.get("focus").equals(r.focus().toString()))
                && (!e.containsKey("message") || String.valueOf(r.message()).contains((String) e.get("message")))
                && (!e.containsKey("location") || (r.location() != null && r.location().toString().equals(e.get("location"))));
    }

    private static String line(Result r) {
        return r.location() + ": " + r.severity().word() + ": " + r.message() + " (" + r.shape() + ", " + r.focus() + ")";
    }
}
