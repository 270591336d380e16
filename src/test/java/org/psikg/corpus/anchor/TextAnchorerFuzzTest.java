package org.psikg.corpus.anchor;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.psikg.corpus.QuoteSpec;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.support.Located;

/**
 * Quote anchoring on any text and quote: either anchors, and then the anchor is the quote
 * (verbatim or in the loose view) at the right line and column, or refuses with a located
 * error; any other exception is a bug. An input is UTF-8 text with NUL-separated fields,
 * {@code text NUL quote NUL prefix NUL suffix NUL occurrence} (an empty prefix or suffix is
 * none), so seeds (TextAnchorerFuzzTestInputs/anchor/) are readable.
 */
class TextAnchorerFuzzTest {
    private static final String YAML = "seeds/fuzz.yaml";
    private static final Location AT = new Location(YAML, 3, 12);

    @FuzzTest(maxDuration = "15s")
    void anchor(byte[] input) {
        String[] f = new String(input, StandardCharsets.UTF_8).split("\0", -1);
        String text = f[0];
        String quote = field(f, 1);
        String prefix = field(f, 2);
        String suffix = field(f, 3);
        int occurrence = f.length > 4 && !f[4].isEmpty() ? Math.floorMod(f[4].codePointAt(0), 5) : 0;
        if (quote == null || quote.isBlank()) {
            return; // the annotation reader refuses blank quotes before they get here
        }
        QuoteSpec q = new QuoteSpec(quote, prefix, suffix, occurrence, AT);
        TextAnchorer anchorer = TextAnchorer.of(text, "seeds/fuzz.txt");
        int[] cps = text.codePoints().toArray();
        try {
            check(anchorer.anchor(q), cps, quote);
        } catch (InputException e) {
            Located.check(e, YAML);
        }
        try {
            List<Anchor> all = anchorer.anchorAll(q);
            if (all.isEmpty()) {
                throw new AssertionError("anchorAll found nothing but did not refuse");
            }
            all.forEach(a -> check(a, cps, quote));
        } catch (InputException e) {
            Located.check(e, YAML);
        }
    }

    private static String field(String[] f, int i) {
        return f.length > i && !f[i].isEmpty() ? f[i] : null;
    }

    private static void check(Anchor a, int[] text, String quote) {
        if (a.start() < 0 || a.end() > text.length || a.start() >= a.end()) {
            throw new AssertionError("anchor out of the text: " + a);
        }
        String slice = new String(text, a.start(), a.end() - a.start());
        if (!slice.equals(a.exact())) {
            throw new AssertionError("exact is not the text at the anchor: " + a);
        }
        if (!a.exact().equals(quote) && !Arrays.equals(LooseText.of(a.exact()), LooseText.of(quote))) {
            throw new AssertionError("the anchored passage is not the quote: " + a + " for \"" + quote + "\"");
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < a.start(); i++) {
            if (text[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        if (a.line() != line || a.column() != a.start() - lineStart + 1) {
            throw new AssertionError("wrong line or column: " + a);
        }
    }
}
