package org.psikg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The floors of docs/decisions.md ("Package layout"): a package of src/main names no package
 * above it, in an import or anywhere else, and every package is on a floor.
 */
class PackageFloorsTest {
    private static final List<String> FLOORS = List.of("error", "vocab", "io", "corpus", "store", "rdf", "validate",
            "query", "review", "search", "server", "cli");
    private static final Path ROOT = Path.of("src/main/java/org/psikg");
    private static final Pattern NAMED = Pattern.compile("org\\.psikg\\.([a-z]+)\\b");

    @Test
    void noFloorNamesOneAboveIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String floor = ROOT.relativize(f).getName(0).toString();
                int own = FLOORS.indexOf(floor);
                if (own < 0) {
                    wrong.add(f + ": package " + floor + " is on no floor");
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = NAMED.matcher(lines.get(i));
                    while (m.find()) {
                        if (FLOORS.indexOf(m.group(1)) > own) {
                            wrong.add(f + ":" + (i + 1) + ": " + floor + " names " + m.group(1) + ", a floor above it");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
