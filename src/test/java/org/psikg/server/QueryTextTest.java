package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pre-parse check of a query's text: brackets counted outside strings, IRIs and comments. */
class QueryTextTest {
    /** Each text with its depth: refused with a nesting limit of one less, allowed with it. */
    private static final Map<String, Integer> DEPTHS = Map.ofEntries(
            Map.entry("SELECT * { ?s ?p ?o }", 1),
            Map.entry("ASK { FILTER ((1)) }", 3),
            Map.entry("ASK { ?s ?p [ ?q [ ?r 1 ] ] }", 3),
            Map.entry("ASK { FILTER ('((((' = \"{{{{\") }", 2),
            Map.entry("ASK { FILTER ('''(((''' = \"\"\"[[[\"\"\") }", 2),
            Map.entry("ASK { FILTER ('it\\'s ((' = 'x') }", 2),
            Map.entry("ASK { ?s <http://example.org/((((> ?o }", 1),
            Map.entry("ASK { FILTER (?a < (?b)) }", 3),
            Map.entry("ASK { # ((((\n ?s ?p ?o }", 1),
            // Without spaces, <(?b)&&(?c)> reads as an IRI: counted short; the stack-overflow catch is the backstop.
            Map.entry("ASK { FILTER (?a<(?b)&&(?c)>?d) }", 2),
            // A short string ends at the line's end, where the parser will complain.
            Map.entry("ASK { FILTER ('unterminated (\n ((1)) ) }", 4),
            Map.entry(")))))) ASK { }", 1));

    @Test
    void nesting() {
        DEPTHS.forEach((q, depth) -> {
            assertTrue(QueryText.refusal(q, 1000, depth).isEmpty(), "allowed at " + depth + ": " + q);
            assertTrue(QueryText.refusal(q, 1000, depth - 1).isPresent(), "refused at " + (depth - 1) + ": " + q);
        });
    }

    @Test
    void length() {
        assertTrue(QueryText.refusal("ASK { } #x", 10, 200).isEmpty());
        assertEquals("query too long: 10 characters, more than the 9 this endpoint accepts",
                QueryText.refusal("ASK { } #x", 9, 200).orElseThrow());
    }
}
