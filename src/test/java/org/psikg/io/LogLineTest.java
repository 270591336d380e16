package org.psikg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Log lines no text can break, recolour, reorder or make endless; and every logger of the JVM uses them. */
class LogLineTest {
    @Test
    void lineBreaksAndControlsAreEscaped() {
        assertEquals("Query = ASK {}\\r\\n[7] 200 OK", LogLine.of("Query = ASK {}\r\n[7] 200 OK"));
        assertEquals("a\\tb\\u0000c\\u001B[31md\\u007Fe\\u0085f\\u009Bg", LogLine.of("a\tb\0c\u001b[31md\u007fe\u0085f\u009bg"));
        assertEquals("\\u2028\\u2029", LogLine.of("\u2028\u2029"));
    }

    @Test
    void bidiAndOtherFormatCharactersAreEscaped() {
        assertEquals("\\u202Etxt.exe\\u202C \\u2066x\\u2069 \\u200E\\u200F\\u061C \\uFEFF \\u{E0041}",
                LogLine.of("\u202etxt.exe\u202c \u2066x\u2069 \u200e\u200f\u061c \ufeff \udb40\udc41"));
    }

    @Test
    void loneSurrogatesAreEscapedAndOtherTextKept() {
        assertEquals("\\uD800x\\uDC00", LogLine.of("\ud800x\udc00"));
        String kept = "Союзное государство «ЕАЭС» — 🇷🇺 é \\n";
        assertEquals(kept, LogLine.of(kept));
    }

    @Test
    void aLongLineIsCutWithTheCountLeftOut() {
        String line = LogLine.of("x".repeat(100_000));
        assertEquals("x".repeat(LogLine.MAX_LENGTH) + "… (" + (100_000 - LogLine.MAX_LENGTH) + " more characters)", line);
        String escaped = LogLine.of("\n".repeat(100_000));
        assertTrue(escaped.length() < LogLine.MAX_LENGTH + 40, "escapes count towards the bound: " + escaped.length());
    }

    @Test
    void everyLoggerWritesSafeBoundedLines() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LoggerFactory.getLogger("org.apache.jena.fuseki.Fuseki").info("[{}] Query = {}", 7, "ASK {}\r\n[7] 200 OK\u202e");
            LoggerFactory.getLogger("some.library").warn("boom", new IllegalStateException("one\ntwo", deep(500)));
        } finally {
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("[" + Thread.currentThread().getName() + "] INFO org.apache.jena.fuseki.Fuseki - [7] Query = ASK {}\\r\\n[7] 200 OK\\u202E",
                lines.get(0));
        assertEquals("[" + Thread.currentThread().getName() + "] WARN some.library - boom", lines.get(1));
        assertEquals("java.lang.IllegalStateException: one\\ntwo", lines.get(2));
        assertTrue(lines.size() <= 2 + 61, "a trace of 500 frames is cut: " + lines.size() + " lines");
        assertTrue(lines.get(lines.size() - 1).endsWith("more lines of the trace left out"), lines.get(lines.size() - 1));
    }

    private static Throwable deep(int depth) {
        return depth == 0 ? new RuntimeException("bottom") : deep(depth - 1);
    }
}
