package org.psikg.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.psikg.corpus.anchor.Anchor;
import org.psikg.rdf.CorpusStats;
import org.psikg.rdf.KnowledgeGraph;

/**
 * Pins the annotation targets of the corpus so that they cannot silently regress: every
 * text annotated; per article at least 85% of content sentences with an annotation and 60%
 * with a statement; at least 400 annotations; every registry entity used; every number with
 * a unit, a percent sign or a year range inside an annotation that states a statistic or a
 * date.
 */
class CoverageTargetsTest {
    static final double ANNOTATED = 85.0;
    static final double WITH_STATEMENT = 60.0;
    static final int ANNOTATIONS = 400;
    /** A number with a percent sign or a unit word, or a year range such as 2014-2016. */
    static final Pattern FIGURE = Pattern.compile(
            "\\d+(?:[.,]\\d+)?\\s?(?:%|percent|per cent|billion|million|thousand|trillion|years?\\b)"
                    + "|\\$\\s?\\d+(?:[.,]\\d+)?|\\b(?:19|20)\\d\\d\\s?[–—-]\\s?(?:19|20)?\\d\\d\\b");
    static final Set<String> DATE_PREDICATES = Set.of("date", "startDate", "endDate");

    static KnowledgeGraph kg;
    static CorpusStats stats;

    @BeforeAll
    static void build() {
        kg = KnowledgeGraph.build(Path.of("seeds"), Path.of("ontology/psikg.ttl"));
        stats = CorpusStats.of(kg);
    }

    @Test
    void everyTextIsAnnotated() {
        assertEquals(List.of(), kg.corpus().unannotated());
        assertEquals(5, kg.corpus().articles().size());
    }

    @TestFactory
    Stream<DynamicTest> eachArticleMeetsTheCoverageTargets() {
        return stats.articles().stream().map(r -> DynamicTest.dynamicTest(r.article(), () -> {
            assertTrue(r.annotatedPercent() >= ANNOTATED, r.article() + ": " + r.annotatedPercent() + "% annotated");
            assertTrue(r.statementPercent() >= WITH_STATEMENT, r.article() + ": " + r.statementPercent() + "% with a statement");
        }));
    }

    @Test
    void atLeastFourHundredAnnotations() {
        assertTrue(stats.total().annotations() >= ANNOTATIONS, stats.total().annotations() + " annotations");
    }

    @Test
    void everyRegistryEntityIsUsed() {
        assertEquals(Set.of(), stats.unusedEntities());
    }

    @TestFactory
    Stream<DynamicTest> everyFigureIsPartOfAStatisticOrADatedFact() {
        return kg.corpus().articles().stream().map(a -> DynamicTest.dynamicTest(a.id(), () -> {
            List<String> uncovered = new ArrayList<>();
            int[] cps = a.text().codePoints().toArray();
            Matcher m = FIGURE.matcher(a.text());
            while (m.find()) {
                int start = a.text().codePointCount(0, m.start());
                int end = a.text().codePointCount(0, m.end());
                if (inFurniture(a, start, end)) {
                    continue;
                }
                boolean covered = a.annotations().stream().anyMatch(aa -> aa.anchor().start() <= start
                        && end <= aa.anchor().end() && statesAFigure(aa.annotation()));
                if (!covered) {
                    uncovered.add("\"" + new String(cps, start, end - start) + "\" at offset " + start);
                }
            }
            assertEquals(List.of(), uncovered, a.id() + ": figures not inside an annotation with a statistic or a date");
        }));
    }

    private static boolean inFurniture(Article a, int start, int end) {
        for (Anchor f : a.furniture()) {
            if (f.start() < end && start < f.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean statesAFigure(Annotation a) {
        return a.facts().stream().anyMatch(f -> DATE_PREDICATES.contains(f.predicate().text())
                || (f.predicate().text().equals("a") && f.object().text().equals("Statistic")));
    }
}
