package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Fixture;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The annotators' loop as shipped: the pre-commit hook of .pre-commit-hooks.yaml and the run
 * steps of the GitHub Actions workflow docs/ci/psikg-validate.yml, each executed as written
 * (by bash, in a corpus repository, with the jar {@code mvn verify} has just packaged), on a
 * corpus that conforms and on one with a broken quote.
 */
class CiRecipesIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path repo;

    private record Run(int exit, String output) {
    }

    /** A corpus repository: the base fixture's seeds and ontology, the engine test shapes (one violation). */
    private void corpus(boolean conforming) throws Exception {
        Fixture.copyTree(Fixture.BASE.resolve("seeds"), repo.resolve("seeds"));
        Fixture.copyTree(Fixture.BASE.resolve("ontology.ttl"), repo.resolve("ontology/psikg.ttl"));
        Fixture.copyTree(ROOT.resolve("src/test/resources/validate/engine"), repo.resolve("shapes"));
        Path yaml = repo.resolve("seeds/article.yaml");
        String text = Files.readString(yaml);
        // The engine shapes want a topic on every thesis: give it, and the corpus conforms.
        text = text.replace("claimant: author,", "claimant: author, topic: eaeu,");
        if (!conforming) {
            text = text.replace("quote: the last attempt at integration", "quote: the last atempt at integration");
        }
        Files.writeString(yaml, text);
    }

    private Run bash(String script, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(repo.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), script + " did not finish");
        return new Run(p.exitValue(), out);
    }

    @SuppressWarnings("unchecked")
    @Test
    void thePreCommitHookRunsValidateInTheRepository() throws Exception {
        List<Map<String, Object>> hooks = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(ROOT.resolve(".pre-commit-hooks.yaml")));
        Map<String, Object> hook = hooks.get(0);
        assertEquals("psikg-validate", hook.get("id"));
        // language: script runs the entry from the hook repository (here: this checkout) in the
        // repository being committed to, with the hook's args.
        assertEquals("script", hook.get("language"));
        List<String> args = (List<String>) hook.getOrDefault("args", List.of());
        String command = "'" + ROOT.resolve((String) hook.get("entry")) + "' " + String.join(" ", args);
        assertTrue(Files.isExecutable(ROOT.resolve((String) hook.get("entry"))), "the entry must be executable");
        assertTrue(((String) hook.get("files")).contains("seeds"), "the hook runs when an annotation changes");

        corpus(true);
        Run ok = bash(command, Map.of());
        assertEquals(0, ok.exit(), ok.output());
        corpus(false);
        Run broken = bash(command, Map.of());
        assertEquals(2, broken.exit(), broken.output());
        assertTrue(broken.output().contains("seeds/article.yaml:26:12: error: quote not found"), broken.output());
        assertTrue(broken.output().contains("the first difference is at character 12 of the quote"), broken.output());
    }

    @SuppressWarnings("unchecked")
    @Test
    void theWorkflowsRunStepsWriteASarifFileForAnAlert() throws Exception {
        Map<String, Object> workflow = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(ROOT.resolve("docs/ci/psikg-validate.yml")));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        corpus(false);
        // The jar the build step makes: the one mvn verify has just packaged, where the
        // checkout would have it.
        Fixture.copyTree(ROOT.resolve("target/psikg.jar"), repo.resolve("target/psikg.jar"));
        for (String job : List.of("sarif", "junit")) {
            List<String> ran = new ArrayList<>();
            for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps")) {
                String run = (String) step.get("run");
                if (run == null) {
                    continue;
                }
                if (run.startsWith("mvn ")) {
                    assertEquals("mvn -B -q package -DskipTests", run.strip(), "the build step is the README's");
                    continue;
                }
                Run r = bash(run, Map.of());
                assertEquals(2, r.exit(), job + ": " + run + "\n" + r.output());
                ran.add(run);
            }
            assertEquals(1, ran.size(), job + " validates once");
        }
        // The file the upload step takes: written though the input was broken, valid SARIF,
        // the alert at the quote.
        Map<String, Object> upload = ((List<Map<String, Object>>) ((Map<String, Object>) jobs.get("sarif")).get("steps")).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("github/codeql-action/upload-sarif")).findFirst().orElseThrow();
        assertEquals("success() || failure()", upload.get("if"));
        Path sarifFile = repo.resolve((String) ((Map<String, Object>) upload.get("with")).get("sarif_file"));
        JsonNode sarif = new ObjectMapper().readTree(sarifFile.toFile());
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertEquals(Set.of(), JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in).validate(sarif));
        }
        JsonNode at = sarif.at("/runs/0/results/0/locations/0/physicalLocation");
        assertEquals("seeds/article.yaml", at.at("/artifactLocation/uri").asText());
        assertEquals(26, at.at("/region/startLine").asInt());
        assertTrue(Files.exists(repo.resolve("psikg-junit.xml")), "the junit job's report");
    }
}
