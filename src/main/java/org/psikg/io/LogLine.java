package org.psikg.io;

/**
 * A line of psikg's log made safe: whatever a client sent (a query, a path, a header) reaches
 * the log through messages psikg and its libraries write, so no character may end a line,
 * move the cursor, recolour the terminal or reorder the text, and no line may be longer than
 * {@value #MAX_LENGTH} characters. Every log line goes through {@link #of}, in the one logger
 * psikg has (the SLF4J provider in {@code org.psikg.io.internal}).
 * <pre>
 * LogLine.of("Query = ASK {}\r\n[7] 200 OK")   // "Query = ASK {}\\r\\n[7] 200 OK": one line
 * </pre>
 */
public final class LogLine {
    /** The most characters (UTF-16 units) of one line; the rest is replaced by a count. */
    public static final int MAX_LENGTH = 4096;

    private LogLine() {
    }

    /**
     * {@code text} on one line: CR, LF and tab as {@code \r}, {@code \n}, {@code \t}; other C0
     * and C1 controls, DEL, the line and paragraph separators, format characters (the bidi
     * controls such as U+202E among them) and lone surrogates as {@code \\uXXXX}; cut at
     * {@value #MAX_LENGTH} characters with the number left out.
     */
    public static String of(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
        int i = 0;
        for (; i < text.length() && sb.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                if (Character.getType(cp) == Character.FORMAT) {
                    sb.append(String.format("\\u{%X}", cp));
                } else {
                    sb.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (unsafe(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (i < text.length()) {
            sb.append("… (").append(text.length() - i).append(" more characters)");
        }
        return sb.toString();
    }

    private static boolean unsafe(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
