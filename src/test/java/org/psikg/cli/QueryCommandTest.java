package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;

/** {@code psikg query} in each format, over the base fixture. */
class QueryCommandTest {
    @TempDir
    Path tmp;

    private Cli.Result query(String file, String... format) {
        Fixture.copyTree(Fixture.BASE, tmp);
        String[] base = {"query", "--seeds", tmp.resolve("seeds").toString(), "--ontology", tmp.resolve("ontology.ttl").toString(),
                Fixture.RESOURCES.resolve("check-queries/" + file).toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(format)).toArray(String[]::new);
        return Cli.run(args);
    }

    @Test
    void tableUsesPrefixes() {
        Cli.Result r = query("02-multiset.rq");
        assertEquals(0, r.exit(), r.both());
        assertTrue(r.out().contains("| id:armenia |"), r.out());
    }

    @Test
    void csvTsvAndJson() {
        assertEquals("member\r\nhttps://w3id.org/psikg/id/armenia\r\n", query("02-multiset.rq", "--format", "csv").out());
        assertEquals("?member\n<https://w3id.org/psikg/id/armenia>\n", query("02-multiset.rq", "--format", "tsv").out());
        assertTrue(query("03-ask.rq", "--format", "json").out().contains("\"boolean\" : true"));
    }
}
