package org.psikg.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@code build --out F --tdb2 D} and {@code validate --output F} on a corpus that must be
 * refused, and checks what a refusal promises: the exit code, every expected line on stderr
 * (paths relative to the corpus folder), nothing else written, the previous build output
 * untouched, and the validation report replaced by one that holds every expected line (CI
 * gets a report of the errors).
 *
 * @param dir      the corpus: {@code seeds/}, the ontology and, if it has one, {@code shapes/}
 * @param ontology the ontology's file name in {@code dir}
 * @param commands which of "build" and "validate" to run
 */
public record BadRun(Path dir, String ontology, List<String> commands, int exit, List<String> stderr) {
    public static final String OLD = "previous output\n";

    public void check() {
        assertTrue(!stderr.isEmpty(), "the case lists what stderr must say");
        try {
            Path out = Files.createDirectories(dir.resolve("out"));
            Path trig = out.resolve("psikg.trig");
            Path report = out.resolve("report.txt");
            Files.writeString(trig, OLD);
            Files.writeString(report, OLD);
            Path shapes = Files.isDirectory(dir.resolve("shapes")) ? dir.resolve("shapes") : Path.of("shapes");
            for (String command : commands) {
                Cli.Result r = switch (command) {
                    case "build" -> Cli.run("build", "--seeds", dir.resolve("seeds").toString(),
                            "--ontology", dir.resolve(ontology).toString(), "--out", trig.toString(),
                            "--tdb2", out.resolve("tdb2").toString());
                    case "validate" -> Cli.run("validate", "--seeds", dir.resolve("seeds").toString(),
                            "--ontology", dir.resolve(ontology).toString(), "--shapes", shapes.toString(),
                            "--output", report.toString());
                    default -> throw new IllegalArgumentException("unknown command " + command);
                };
                String err = r.err().replace(dir + "/", "");
                String written = Files.readString(report).replace(dir + "/", "");
                assertAll(command,
                        () -> assertEquals(exit, r.exit(), r.both()),
                        () -> stderr.forEach(line -> assertTrue(err.contains(line), command + ": stderr lacks: " + line + "\n" + err)),
                        () -> assertEquals(OLD, Files.readString(trig), "the previous TriG was changed"),
                        () -> {
                            if (command.equals("validate")) {
                                stderr.stream().filter(line -> !line.startsWith("psikg: ")).forEach(line ->
                                        assertTrue(written.contains(line), "the report lacks: " + line + "\n" + written));
                            } else {
                                assertEquals(OLD, written, "the previous report was changed");
                            }
                        },
                        () -> assertEquals(List.of("psikg.trig", "report.txt"), list(out), "something else was written"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
