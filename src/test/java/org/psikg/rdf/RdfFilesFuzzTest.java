package org.psikg.rdf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.psikg.error.InputException;
import org.psikg.support.Located;

/**
 * Any bytes given as a Turtle ontology or shapes file, and as a JSON-LD one, are either read
 * or refused with input errors (RdfGuard first, then RIOT), located for Turtle; JSON-LD
 * processing errors may name only the file, as the JSON-LD processor gives no position. Any
 * other exception is a bug. Seeds: RdfFilesFuzzTestInputs/turtleOrJsonLd/ (the first
 * byte picks the syntax: even Turtle, odd JSON-LD). Fuzzed by bench/fuzz.sh, not in mvn verify.
 */
class RdfFilesFuzzTest {
    private static Path dir;

    @FuzzTest(maxDuration = "15s")
    void turtleOrJsonLd(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        if (dir == null) {
            dir = Files.createTempDirectory("psikg-rdf-fuzz");
        }
        boolean turtle = (input[0] & 1) == 0;
        Path file = dir.resolve(turtle ? "fuzz.ttl" : "fuzz.jsonld");
        Files.write(file, Arrays.copyOfRange(input, 1, input.length));
        try {
            RdfFiles.graph(file);
        } catch (InputException e) {
            Located.check(e, file.toString(), turtle);
        }
    }
}
