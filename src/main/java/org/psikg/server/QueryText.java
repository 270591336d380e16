package org.psikg.server;

import java.util.Optional;

/**
 * Checks a query's text before it is parsed: its length, and how deep its brackets
 * ({@code ( [ {}) nest. The parser, the algebra and the logging all recurse once per level,
 * so a query of 100,000 nested parentheses overflows the stack of a request thread; it is
 * refused here instead, in one pass over the text. Brackets inside strings, IRIs and
 * comments do not count.
 * <pre>
 * QueryText.refusal("SELECT * { ((1)) }", 100_000, 200)   // Optional.empty()
 * </pre>
 */
final class QueryText {
    /** How deep brackets may nest: far beyond any written query, far below a stack overflow. */
    static final int MAX_NESTING = 200;

    private QueryText() {
    }

    /** Why the query text is refused, or empty. */
    static Optional<String> refusal(String text, int maxLength, int maxNesting) {
        if (text.length() > maxLength) {
            return Optional.of("query too long: " + text.length() + " characters, more than the " + maxLength
                    + " this endpoint accepts");
        }
        int depth = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            switch (c) {
                case '(', '[', '{' -> {
                    depth++;
                    if (depth > maxNesting) {
                        return Optional.of("query nested too deeply: brackets nest more than " + maxNesting
                                + " levels at character " + (i + 1));
                    }
                    i++;
                }
                case ')', ']', '}' -> {
                    depth = Math.max(0, depth - 1);
                    i++;
                }
                case '#' -> i = lineEnd(text, i);
                case '"', '\'' -> i = stringEnd(text, i);
                case '<' -> i = iriEnd(text, i);
                default -> i++;
            }
        }
        return Optional.empty();
    }

    private static int lineEnd(String text, int i) {
        int j = i;
        while (j < text.length() && text.charAt(j) != '\n' && text.charAt(j) != '\r') {
            j++;
        }
        return j;
    }

    /** The index after the string starting at {@code i} ('...', "...", '''...''' or """..."""), or the end. */
    private static int stringEnd(String text, int i) {
        char q = text.charAt(i);
        boolean longString = text.startsWith(String.valueOf(q).repeat(3), i);
        int j = i + (longString ? 3 : 1);
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (longString ? text.startsWith(String.valueOf(q).repeat(3), j) : c == q) {
                return j + (longString ? 3 : 1);
            } else if (!longString && (c == '\n' || c == '\r')) {
                // A short string cannot span lines: the parser will say what is wrong.
                return j;
            } else {
                j++;
            }
        }
        return j;
    }

    /** The index after {@code <...>} if an IRI starts at {@code i}; else just after the {@code <} (an operator). */
    private static int iriEnd(String text, int i) {
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '>') {
                return j + 1;
            }
            if (c <= ' ' || "<\"{}|^`\\".indexOf(c) >= 0) {
                return i + 1;
            }
        }
        return i + 1;
    }
}
