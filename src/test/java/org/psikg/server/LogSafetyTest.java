package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psikg.io.LogLine;

/**
 * What a client sends reaches the server's log (Fuseki logs each query's text, its parse
 * errors, the request's URL): through the real server over HTTP, no query can forge a line,
 * write a terminal escape or a bidi control into the log, or make a line longer than the bound.
 */
class LogSafetyTest {
    private static final String FORGED = "[99] 200 OK (forged)";

    @Test
    void noQueryForgesOrFloodsALine() {
        TestServer.url();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<Integer> statuses;
        try {
            statuses = List.of(
                    // Raw line breaks, an escape sequence and U+202E inside a long literal: a valid query.
                    post("ASK { FILTER(\"\"\"x\r\n" + FORGED + "\n\u001b[2J\u202eevil\u2028\"\"\" != \"\") }"),
                    // The same outside a literal: a parse error, whose message quotes the text.
                    post("ASK { \u001b[31m\r\n" + FORGED + " }"),
                    // A line of 90,000 characters (under the 100,000 of the query length limit).
                    post("ASK {} # " + "a".repeat(90_000)));
        } finally {
            System.setErr(original);
        }
        assertEquals(List.of(200, 400, 200), statuses);
        String log = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = log.lines().toList();
        // Fuseki writes the query's line breaks as spaces; everything else it writes as it came.
        assertTrue(log.contains(FORGED + " \\u001B[2J\\u202Eevil\\u2028"), "the query reached the log, escaped:\n" + log);
        for (String line : lines) {
            assertFalse(line.startsWith(FORGED) || line.startsWith("\u001b") || line.startsWith("\u202e"), "a forged line: " + line);
            assertTrue(line.codePoints().noneMatch(c -> c == 0x1b || c == 0x202e || c == 0x2028 || c == '\r'),
                    "a control character in the log: " + LogLine.of(line));
            assertTrue(line.length() < LogLine.MAX_LENGTH + 64, "a line of " + line.length() + " characters");
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains(" more characters)")), "the 90,000-character query was cut:\n" + log);
    }

    private static int post(String query) {
        return TestServer.send(TestServer.request("/psikg/sparql")
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(query, StandardCharsets.UTF_8)).build()).statusCode();
    }
}
