package org.psikg.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.psikg.corpus.anchor.Anchor;
import org.psikg.corpus.anchor.TextAnchorer;
import org.psikg.error.Location;
import org.psikg.support.Fixture;

/** Sentence splitting, one dynamic test per case of src/test/resources/sentences/cases.yaml. */
class SentencesTest {

    @TestFactory
    Stream<DynamicTest> sentenceCases() {
        return Fixture.yamlCases("sentences/cases.yaml").stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> check(c)));
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> c) {
        String text = (String) c.get("text");
        TextAnchorer anchorer = TextAnchorer.of(text, "text.txt");
        List<Anchor> furniture = new ArrayList<>();
        for (String f : (List<String>) c.getOrDefault("furniture", List.of())) {
            furniture.addAll(anchorer.anchorAll(new QuoteSpec(f, null, null, 0, new Location("case", 1, 1))));
        }
        int[] cps = text.codePoints().toArray();
        List<String> actual = Sentences.of(text, furniture).stream().map(s -> new String(cps, s.start(), s.end() - s.start())).toList();
        assertEquals(c.get("sentences"), actual);
    }
}
