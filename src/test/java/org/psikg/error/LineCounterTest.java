package org.psikg.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines and columns counted the same whether a text goes by as chars, UTF-8 bytes or code points. */
class LineCounterTest {
    private static final List<String> TEXTS = List.of("", "a", "a\nbc", "\n\n", "Евразийский союз\nЕАЭС 𝔼𝔸𝔼𝕌 — 2015\n",
            "tab\there\r\nnext", "😀😀\n😀x");

    private static Location byChars(String text) {
        LineCounter c = new LineCounter();
        text.chars().forEach(ch -> c.passChar((char) ch));
        return c.location("f");
    }

    private static Location byBytes(String text) {
        LineCounter c = new LineCounter();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            c.passByte(b & 0xff);
        }
        return c.location("f");
    }

    private static Location byCodePoints(String text) {
        LineCounter c = new LineCounter();
        text.codePoints().forEach(c::passCodePoint);
        return c.location("f");
    }

    @Test
    void theThreeFeedsAgree() {
        for (String text : TEXTS) {
            Location expected = byCodePoints(text);
            assertEquals(expected, byChars(text), text);
            assertEquals(expected, byBytes(text), text);
            assertEquals(expected, Location.at("f", text, text.length()), text);
        }
    }

    @Test
    void columnsCountCodePointsFromOne() {
        assertEquals(new Location("f", 1, 1), byChars(""));
        assertEquals(new Location("f", 2, 3), byChars("a\nbc"));
        // Two astral characters (four chars, eight bytes) then one more: column 4.
        assertEquals(new Location("f", 2, 4), byBytes("x\n😀😀y"));
        // A carriage return is a character like any other; only the line feed ends a line.
        assertEquals(new Location("f", 1, 3), byChars("a\r"));
    }

    @Test
    void anUnpairedSurrogateIsOneCharacter() {
        assertEquals(new Location("f", 1, 3), byChars("\udc00\udc00"));
        assertEquals(new Location("f", 1, 3), byChars("\ud800a"));
        assertEquals(new Location("f", 1, 2), Location.at("f", "😀", 1), "an offset inside a pair: after its high half");
    }
}
