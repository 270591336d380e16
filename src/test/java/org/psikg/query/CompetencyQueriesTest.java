package org.psikg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.psikg.rdf.KnowledgeGraph;

/**
 * The competency questions of queries/ as a regression suite over the graph built from the
 * seeds: each answers exactly its expected file; each states its question; an empty expected
 * answer is one the header says is empty.
 */
class CompetencyQueriesTest {
    static QueryRunner runner;
    static List<Path> files;

    @BeforeAll
    static void build() {
        runner = QueryRunner.over(KnowledgeGraph.build(Path.of("seeds"), Path.of("ontology/psikg.ttl")));
        files = QueryRunner.queryFiles(Path.of("queries"));
    }

    @Test
    void atLeastFortyQuestions() {
        assertTrue(files.size() >= 40, files.size() + " queries");
    }

    @TestFactory
    Stream<DynamicTest> everyQueryAnswersAsExpected() {
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            QueryFile q = QueryFile.read(p);
            assertTrue(!q.header().isEmpty(), "no question in the header");
            QueryCheck.Outcome o = QueryCheck.check(q, runner);
            assertEquals(List.of(), o.drift());
            Answer expected = QueryCheck.expected(q);
            if (!expected.isAsk() && expected.rows().isEmpty()) {
                assertTrue(String.join(" ", q.header()).toLowerCase().contains("empty"), "an empty answer the header does not announce");
            }
        }));
    }
}
