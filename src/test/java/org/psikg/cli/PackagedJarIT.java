package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar after {@code mvn package}: the README's main command builds the seeds,
 * writes TriG and N-Quads and prints the summary; validate finds the seeds conforming and
 * check-queries finds no drift, as CI users will run them.
 */
class PackagedJarIT {

    @Test
    void readmeMainCommandBuildsTheSeeds() throws Exception {
        Path out = Path.of("target/it/psikg.trig");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-jar", "target/psikg.jar", "build", "--out", out.toString()))
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "psikg build did not finish");
        assertEquals(0, p.exitValue(), printed);
        assertTrue(printed.contains("quads in all"), printed);
        assertTrue(printed.contains("https://w3id.org/psikg/graph/busygina-filippov-institutional-experiments"), printed);
        assertTrue(Files.size(out) > 0 && Files.size(Path.of("target/it/psikg.nq")) > 0);
    }

    @Test
    void validateOnTheSeedsConformsAndCheckQueriesHasNoDrift() throws Exception {
        for (List<String> command : List.of(List.of("validate"), List.of("check-queries"))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> args = new java.util.ArrayList<>(List.of(java, "-jar", "target/psikg.jar"));
            args.addAll(command);
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), command + " did not finish");
            assertEquals(0, p.exitValue(), command + "\n" + printed);
        }
    }
}
