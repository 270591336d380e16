package org.psikg.corpus.anchor;

import java.util.ArrayList;
import java.util.List;

/**
 * Shows how a quote that matches nowhere differs from the passage nearest to it: both whole,
 * white space collapsed, one above the other in lines of at most {@value #WIDTH} characters,
 * and a caret under the first character where they part.
 * <pre>
 * QuoteDiff.of("the last atempt", "the last attempt").lines();
 * // quote:   the last atempt
 * // passage: the last attempt
 * //                     ^
 * </pre>
 */
record QuoteDiff(String quote, String passage, int first) {
    static final int WIDTH = 72;
    private static final String QUOTE = "quote:   ";
    private static final String PASSAGE = "passage: ";

    static QuoteDiff of(String quote, String passage) {
        int[] q = oneLine(quote).codePoints().toArray();
        int[] p = oneLine(passage).codePoints().toArray();
        int i = 0;
        while (i < q.length && i < p.length && q[i] == p[i]) {
            i++;
        }
        return new QuoteDiff(new String(q, 0, q.length), new String(p, 0, p.length), i);
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /**
     * The two texts folded at the same places (after a space of the quote, so that the common
     * start folds between words in both), the caret under the first difference (none if the
     * two are the same).
     */
    List<String> lines() {
        int[] q = quote.codePoints().toArray();
        int[] p = passage.codePoints().toArray();
        int length = Math.max(q.length, p.length);
        List<String> out = new ArrayList<>();
        for (int from = 0; from < length; ) {
            int to = Math.min(length, from + WIDTH);
            if (to < length) {
                int[] source = to <= q.length ? q : p;
                int space = to - 1;
                while (space > from && source[space] != ' ') {
                    space--;
                }
                to = space > from ? space + 1 : to;
            }
            out.add((QUOTE + slice(q, from, to)).stripTrailing());
            out.add((PASSAGE + slice(p, from, to)).stripTrailing());
            if (first >= from && first < to && !quote.equals(passage)) {
                out.add(" ".repeat(QUOTE.length() + first - from) + "^");
            }
            from = to;
        }
        return out;
    }

    private static String slice(int[] cps, int from, int to) {
        return from >= cps.length ? "" : new String(cps, from, Math.min(to, cps.length) - from);
    }
}
