package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.store.TdbStore;

/**
 * Runs every curl example of docs/server.md against a server on the project's real seeds
 * (the one server test that uses them), in a shell, and checks what a {@code # => } line
 * under an example says it prints.
 */
class ServerDocsExamplesTest {
    private static final Path DOC = Path.of("docs/server.md");
    private static final String DOC_BASE = "http://localhost:3030";

    private static PsikgServer server;

    @TempDir
    static Path work;

    record Example(String command, String expected) {
    }

    @BeforeAll
    static void start() {
        KnowledgeGraph kg = KnowledgeGraph.build(Path.of("seeds"), Path.of("ontology/psikg.ttl"));
        server = PsikgServer.start(TdbStore.inMemory(kg.dataset(), kg.prefixes()), ServerSettings.builder().port(0).build(),
                Path.of("docs"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        boolean inShell = false;
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inShell = !inShell && line.equals("```sh");
                continue;
            }
            if (!inShell) {
                continue;
            }
            if (line.startsWith("curl ")) {
                out.add(new Example(line, null));
            } else if (line.startsWith("# => ")) {
                Example last = out.remove(out.size() - 1);
                out.add(new Example(last.command(), line.substring("# => ".length())));
            }
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> everyExampleRuns() throws IOException {
        List<Example> examples = examples();
        assertTrue(examples.size() >= 15, "docs/server.md has its examples: " + examples.size());
        assumeTrue(onPath("curl") && onPath("sha256sum"), "curl and sha256sum are needed to run the examples");
        List<DynamicTest> tests = new ArrayList<>();
        for (Example e : examples) {
            tests.add(DynamicTest.dynamicTest(e.command(), () -> run(e)));
        }
        return tests;
    }

    private static void run(Example e) throws IOException, InterruptedException {
        String command = e.command().replace(DOC_BASE, server.url());
        Process p = new ProcessBuilder("bash", "-c", command).directory(work.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "finished: " + command);
        assertEquals(0, p.exitValue(), command + "\n" + output);
        if (e.expected() != null) {
            assertEquals(e.expected(), output.strip(), command);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
