package org.psikg.corpus.anchor;

/**
 * The "loose" view of a text that quotes are matched against when they do not match
 * verbatim: white space, hyphens and soft hyphens dropped (PDF line breaks split and join
 * words), apostrophes and quotation marks folded to one of each. Keeps, for each loose code
 * point, its offset in the original text.
 */
final class LooseText {
    final int[] codePoints;
    final int[] origin;

    private LooseText(int[] codePoints, int[] origin) {
        this.codePoints = codePoints;
        this.origin = origin;
    }

    static LooseText of(int[] text) {
        int[] cps = new int[text.length];
        int[] origin = new int[text.length];
        int n = 0;
        for (int i = 0; i < text.length; i++) {
            int c = fold(text[i]);
            if (c >= 0) {
                cps[n] = c;
                origin[n++] = i;
            }
        }
        return new LooseText(java.util.Arrays.copyOf(cps, n), java.util.Arrays.copyOf(origin, n));
    }

    static int[] of(String s) {
        return of(s.codePoints().toArray()).codePoints;
    }

    /** The folded code point, or -1 when it is dropped from the loose view. */
    static int fold(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return -1;
        }
        return switch (c) {
            case '-', 0x2010, 0x2011, 0x00ad -> -1;
            case 0x2019, 0x2018, 0x02bc, '`' -> '\'';
            case 0x201c, 0x201d, 0x201e, 0x00ab, 0x00bb -> '"';
            default -> c;
        };
    }
}
