package org.psikg.corpus.anchor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.psikg.corpus.QuoteSpec;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;

/**
 * Anchors quotes in one text. A quote is looked for verbatim first, then in the loose view
 * (see {@link LooseText}); prefix, suffix and occurrence then narrow the matches down. It
 * must end with exactly one match: none or several is an error that shows where, never a
 * silent guess.
 * <pre>
 * TextAnchorer anchorer = TextAnchorer.of(text, "seeds/001.txt");
 * Anchor a = anchorer.anchor(new QuoteSpec("the EEU", null, "can be considered", 0, location));
 * </pre>
 */
public final class TextAnchorer {
    private static final int SHOWN = 90;

    private final String name;
    private final int[] text;
    private final LooseText loose;
    private NearestPassage nearest;
    private int[] lineStarts;

    private TextAnchorer(String text, String name) {
        this.name = name;
        this.text = text.codePoints().toArray();
        this.loose = LooseText.of(this.text);
    }

    public static TextAnchorer of(String text, String name) {
        return new TextAnchorer(text, name);
    }

    /** The one place the quote matches. */
    public Anchor anchor(QuoteSpec q) {
        List<int[]> hits = candidates(q);
        if (q.occurrence() > 0) {
            if (q.occurrence() > hits.size()) {
                throw error(q, ErrorCode.QUOTE_OCCURRENCE, "occurrence " + q.occurrence() + " asked, but the quote matches "
                        + hits.size() + " place(s) in " + name + ": " + shown(q.quote()), null);
            }
            hits = List.of(hits.get(q.occurrence() - 1));
        }
        if (hits.size() > 1) {
            throw error(q, ErrorCode.QUOTE_AMBIGUOUS, "quote matches " + hits.size() + " places in " + name + " (" + places(hits)
                    + "): " + shown(q.quote()), "add prefix, suffix or occurrence (1 to " + hits.size() + ")");
        }
        return anchorAt(hits.get(0));
    }

    /** Every place the quote matches: at least one. */
    public List<Anchor> anchorAll(QuoteSpec q) {
        List<Anchor> out = new ArrayList<>();
        for (int[] hit : candidates(q)) {
            out.add(anchorAt(hit));
        }
        return out;
    }

    private List<int[]> candidates(QuoteSpec q) {
        int[] needle = q.quote().codePoints().toArray();
        List<int[]> hits = new ArrayList<>();
        for (int start : Search.all(text, needle)) {
            hits.add(new int[] {start, start + needle.length});
        }
        if (hits.isEmpty()) {
            int[] looseNeedle = LooseText.of(q.quote());
            for (int start : Search.all(loose.codePoints, looseNeedle)) {
                int last = start + looseNeedle.length - 1;
                hits.add(new int[] {loose.origin[start], loose.origin[last] + 1});
            }
        }
        if (hits.isEmpty()) {
            String hint = nearest().find(LooseText.of(q.quote()))
                    .map(range -> nearestHint(q.quote(), range))
                    .orElse(null);
            throw error(q, ErrorCode.QUOTE_NOT_FOUND, "quote not found in " + name + ": " + shown(q.quote()), hint);
        }
        int found = hits.size();
        hits = narrow(hits, q);
        if (hits.isEmpty()) {
            throw error(q, ErrorCode.QUOTE_CONTEXT, "quote matches " + found + " place(s) in " + name
                    + ", but none with the given prefix/suffix: " + shown(q.quote()), "check prefix and suffix against the text");
        }
        return hits;
    }

    private List<int[]> narrow(List<int[]> hits, QuoteSpec q) {
        int[] prefix = q.prefix() == null ? null : LooseText.of(q.prefix());
        int[] suffix = q.suffix() == null ? null : LooseText.of(q.suffix());
        List<int[]> out = new ArrayList<>();
        for (int[] hit : hits) {
            if (prefix != null && !Search.endsWith(loose.codePoints, looseIndex(hit[0]), prefix)) {
                continue;
            }
            if (suffix != null && !Search.startsWith(loose.codePoints, looseIndex(hit[1]), suffix)) {
                continue;
            }
            out.add(hit);
        }
        return out;
    }

    /** Index of the first loose code point at or after text offset {@code offset}. */
    private int looseIndex(int offset) {
        int i = Arrays.binarySearch(loose.origin, offset);
        return i >= 0 ? i : -i - 1;
    }

    private NearestPassage nearest() {
        if (nearest == null) {
            nearest = new NearestPassage(text, loose);
        }
        return nearest;
    }

    private Anchor anchorAt(int[] hit) {
        int[] lc = lineColumn(hit[0]);
        return new Anchor(hit[0], hit[1], slice(hit[0], hit[1]), lc[0], lc[1]);
    }

    private String slice(int start, int end) {
        return new String(text, start, end - start);
    }

    /** Line and column by binary search over the line starts: anchorAll may place millions of hits. */
    private int[] lineColumn(int offset) {
        if (lineStarts == null) {
            lineStarts = lineStarts(text);
        }
        int i = Arrays.binarySearch(lineStarts, offset);
        int line = i >= 0 ? i : -i - 2;
        return new int[] {line + 1, offset - lineStarts[line] + 1};
    }

    private static int[] lineStarts(int[] text) {
        int n = 1;
        for (int c : text) {
            if (c == '\n') {
                n++;
            }
        }
        int[] starts = new int[n];
        for (int i = 0, k = 1; i < text.length; i++) {
            if (text[i] == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }

    private String lineCol(int offset) {
        int[] lc = lineColumn(offset);
        return name + ":" + lc[0] + ":" + lc[1];
    }

    private String places(List<int[]> hits) {
        return hits.stream().limit(5).map(h -> "line " + lineColumn(h[0])[0]).collect(Collectors.joining(", "))
                + (hits.size() > 5 ? ", ..." : "");
    }

    /**
     * The nearest passage, where it is, and the two whole (folded) with the first difference
     * marked: a typo near the end of a long quote shows, where a cut message would not.
     */
    private String nearestHint(String quote, int[] range) {
        String passage = slice(range[0], range[1]);
        QuoteDiff diff = QuoteDiff.of(quote, passage);
        StringBuilder hint = new StringBuilder("nearest passage (" + lineCol(range[0]) + "): " + shown(diff.passage()));
        if (!quote.equals(passage) && Normalizer.normalize(quote, Normalizer.Form.NFC).equals(Normalizer.normalize(passage, Normalizer.Form.NFC))) {
            // They print the same: say what differs, or the hint shows two equal lines.
            return hint.append("\n    the same text in another Unicode form: the text writes ")
                    .append(Normalizer.isNormalized(passage, Normalizer.Form.NFC) ? "composed letters (NFC)" : "letters and their accents apart (NFD)")
                    .append(", the quote does not; copy the quote from the text").toString();
        }
        hint.append("\n    the first difference is at character ").append(diff.first() + 1).append(" of the quote:");
        diff.lines().forEach(line -> hint.append("\n    ").append(line));
        return hint.toString();
    }

    private static String shown(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) > SHOWN) {
            oneLine = oneLine.substring(0, oneLine.offsetByCodePoints(0, SHOWN)) + "…";
        }
        return "\"" + oneLine + "\"";
    }

    private static InputException error(QuoteSpec q, ErrorCode code, String message, String hint) {
        return new InputException(new InputError(q.location(), code, message, hint));
    }
}
