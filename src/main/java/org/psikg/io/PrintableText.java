package org.psikg.io;

/**
 * Text from another program (a store's error page) made safe to print:
 * {@code PrintableText.of(response.body())}.
 */
public final class PrintableText {
    /** The longest part of a message that is kept, in code points. */
    public static final int LIMIT = 300;

    /** A control sequence (colours, cursor moves, clearing the screen). */
    private static final String CSI = "\u001b\\[[0-?]*[ -/]*[@-~]";
    /** An operating system command (the window's title, a hyperlink), ended by BEL or ESC \\. */
    private static final String OSC = "\u001b\\][^\u0007\u001b]{0,4096}(?:\u0007|\u001b\\\\)?";
    /** Any other escape: ESC and the character after it. */
    private static final String ESCAPE = "\u001b.?";

    private PrintableText() {
    }

    /**
     * A store's message made safe to print on one line of a terminal or a CI log: terminal escape
     * sequences are dropped, other control characters and runs of white space become single spaces, HTML tags
     * are dropped, and it is cut at {@value #LIMIT} characters.
     */
    public static String of(String message) {
        String text = message.replaceAll(CSI, "").replaceAll(OSC, "").replaceAll(ESCAPE, "").replaceAll("<[^>]{0,200}>", " ")
                .codePoints().map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .replaceAll("\\s+", " ").strip();
        if (text.codePointCount(0, text.length()) <= LIMIT) {
            return text.isEmpty() ? "(no message)" : text;
        }
        return text.substring(0, text.offsetByCodePoints(0, LIMIT)) + "…";
    }

    /** The standard reason phrase of an HTTP status, for a target that sends none. */
    public static String reason(int status) {
        return switch (status) {
            case 400 -> "400 Bad Request";
            case 401 -> "401 Unauthorized";
            case 403 -> "403 Forbidden";
            case 404 -> "404 Not Found";
            case 405 -> "405 Method Not Allowed";
            case 408 -> "408 Request Timeout";
            case 413 -> "413 Content Too Large";
            case 414 -> "414 URI Too Long";
            case 415 -> "415 Unsupported Media Type";
            case 429 -> "429 Too Many Requests";
            case 500 -> "500 Internal Server Error";
            case 502 -> "502 Bad Gateway";
            case 503 -> "503 Service Unavailable";
            case 504 -> "504 Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
