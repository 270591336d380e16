package org.psikg.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;

/**
 * The YAML examples of docs/annotation-guide.md are real: the registry example declares
 * entities exactly as seeds/registry does, and the article example, put beside the text of
 * article 001 with the real registry, builds.
 */
class AnnotationGuideExamplesTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    @Test
    void registryExampleMatchesTheRegistry() throws Exception {
        Registry real = RegistryReader.read(Path.of("seeds/registry"), "seeds/registry");
        Path dir = Files.createDirectories(tmp.resolve("registry"));
        Files.writeString(dir.resolve("example.yaml"), block("entities:"));
        Registry example = RegistryReader.read(dir, "example");
        assertFalse(example.entities().isEmpty());
        for (Entity e : example.entities().values()) {
            Entity r = real.get(e.key()).orElseThrow(() -> new AssertionError("not in seeds/registry: " + e.key()));
            assertEquals(List.of(types(r), r.labels(), r.alt(), String.valueOf(r.note()), String.valueOf(r.wikidata())),
                    List.of(types(e), e.labels(), e.alt(), String.valueOf(e.note()), String.valueOf(e.wikidata())), e.key());
        }
    }

    @Test
    void articleExampleBuildsAgainstItsText() throws Exception {
        Path seeds = tmp.resolve("seeds");
        Fixture.copyTree(Path.of("seeds/registry"), seeds.resolve("registry"));
        Files.copy(Path.of("seeds/001_ec74fa34f21135a1.txt"), seeds.resolve("001.txt"));
        Files.writeString(seeds.resolve("001.yaml"), block("article:"));
        Cli.Result r = Cli.run("build", "--seeds", seeds.toString(), "--out", tmp.resolve("out/x.trig").toString());
        assertEquals(0, r.exit(), r.both());
    }

    private static List<String> types(Entity e) {
        return e.types().stream().map(Token::text).toList();
    }

    private static String block(String start) throws Exception {
        Matcher m = YAML_BLOCK.matcher(Files.readString(Path.of("docs/annotation-guide.md")));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).startsWith(start)) {
                found.add(m.group(1));
            }
        }
        assertEquals(1, found.size(), "yaml blocks starting with " + start);
        return found.get(0);
    }
}
