package org.psikg.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.psikg.corpus.anchor.Anchor;
import org.psikg.corpus.anchor.TextAnchorer;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.support.Fixture;

/** Quote anchoring, one dynamic test per case of src/test/resources/anchor/cases.yaml. */
class TextAnchorerTest {

    @TestFactory
    Stream<DynamicTest> anchorCases() {
        return Fixture.yamlCases("anchor/cases.yaml").stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> check(c)));
    }

    private static void check(Map<String, Object> c) {
        TextAnchorer anchorer = TextAnchorer.of((String) c.get("text"), "text.txt");
        QuoteSpec spec = new QuoteSpec((String) c.get("quote"), (String) c.get("prefix"), (String) c.get("suffix"),
                ((Number) c.getOrDefault("occurrence", 0)).intValue(), new Location("case.yaml", 1, 1));
        if (c.containsKey("error")) {
            InputException e = assertThrows(InputException.class, () -> anchorer.anchor(spec));
            InputError error = e.errors().get(0);
            assertEquals(c.get("error"), error.code().id());
            assertTrue(error.format().contains((String) c.get("says")), error.format());
            return;
        }
        Anchor a = anchorer.anchor(spec);
        assertEquals(List.of(c.get("start"), c.get("end"), c.get("exact")), List.of(a.start(), a.end(), a.exact()));
    }
}
