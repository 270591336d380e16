package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;

/** {@code psikg stats} on the base fixture, whose counts are known by reading it. */
class StatsCommandTest {
    @TempDir
    Path tmp;

    private Cli.Result stats(String... more) {
        Fixture.copyTree(Fixture.BASE, tmp);
        List<String> args = new java.util.ArrayList<>(List.of("stats", "--seeds", tmp.resolve("seeds").toString(),
                "--ontology", tmp.resolve("ontology.ttl").toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void jsonCountsTheFixture() throws Exception {
        Cli.Result r = stats("--format", "json");
        assertEquals(0, r.exit(), r.both());
        JsonNode article = new ObjectMapper().readTree(r.out()).get("articles").get(0);
        assertEquals("test-article", article.get("article").asText());
        assertEquals(List.of(5, 5, 4, 6, 11, 0, 4), List.of(article.get("contentSentences").asInt(),
                article.get("annotatedSentences").asInt(), article.get("statementSentences").asInt(),
                article.get("annotations").asInt(), article.get("statements").asInt(), article.get("statistics").asInt(),
                article.get("distinctEntities").asInt()));
        assertEquals(80.0, article.get("statementPercent").asDouble());
        assertEquals("{\"IntegrationProject\":1,\"Person\":1,\"State\":2}", article.get("entities").toString());
    }

    @Test
    void textListsUncoveredSentences() throws Exception {
        Path yaml = tmp.resolve("seeds/article.yaml");
        Fixture.copyTree(Fixture.BASE, tmp);
        String withoutHeading = Files.readString(yaml).replace("""
                  - id: apostrophe
                    quote: Russia's integration projects
                    about: [russia]
                """, "");
        Files.writeString(yaml, withoutHeading);
        Cli.Result r = Cli.run("stats", "--uncovered", "--seeds", tmp.resolve("seeds").toString(),
                "--ontology", tmp.resolve("ontology.ttl").toString());
        assertEquals(0, r.exit(), r.both());
        assertTrue(r.out().contains("article.txt: not annotated: Russiaʼs integration projects\n"), r.out());
        assertTrue(r.out().contains("registry entities no article refers to: 1 [russia]"), r.out());
    }

    @Test
    void badInputExitsTwo() {
        assertEquals(2, Cli.run("stats", "--seeds", tmp.resolve("nowhere").toString()).exit());
    }
}
