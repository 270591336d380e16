package org.psikg.error;

/**
 * The one rule for lines and columns, applied as a text goes by: a line feed starts the next
 * line, and each character (a Unicode code point, whatever it is made of) moves one column
 * on. It is fed chars, UTF-8 bytes or code points, so that a file too large to hold, or a
 * parser's input, is counted as it is read. {@link Location#at} is this over a text in memory.
 * <pre>
 * LineCounter at = new LineCounter();
 * "a\nbc".chars().forEach(c -&gt; at.passChar((char) c));
 * at.location("x.txt");   // x.txt:2:3, the place after the text
 * </pre>
 */
public final class LineCounter {
    private int line = 1;
    private int column = 1;
    private boolean afterHighSurrogate;

    /** A UTF-16 char: the low half of a surrogate pair is the same character as the high half before it. */
    public void passChar(char c) {
        boolean pairs = afterHighSurrogate && Character.isLowSurrogate(c);
        afterHighSurrogate = Character.isHighSurrogate(c);
        if (!pairs) {
            step(c == '\n');
        }
    }

    /** A byte of UTF-8: a continuation byte is part of the character its lead byte began. */
    public void passByte(int b) {
        if ((b & 0xc0) != 0x80) {
            step(b == '\n');
        }
    }

    /** A whole code point. */
    public void passCodePoint(int codePoint) {
        step(codePoint == '\n');
    }

    private void step(boolean lineFeed) {
        if (lineFeed) {
            line++;
            column = 1;
        } else {
            column++;
        }
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The place of the next character, in {@code file}. */
    public Location location(String file) {
        return new Location(file, line, column);
    }
}
