package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;

/**
 * {@code psikg check-queries} on the base fixture with the queries of
 * src/test/resources/check-queries: an order drift, a multiset drift, a query as expected and
 * a query without an expected file; then {@code --update} and a clean run.
 */
class CheckQueriesCommandTest {
    @TempDir
    Path tmp;

    private Cli.Result run(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check-queries", "--seeds", tmp.resolve("seeds").toString(),
                "--ontology", tmp.resolve("ontology.ttl").toString(), "--queries", tmp.resolve("queries").toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void reportsEachDriftReadablyThenUpdates() throws Exception {
        Fixture.copyTree(Fixture.BASE, tmp);
        Fixture.copyTree(Fixture.RESOURCES.resolve("check-queries"), tmp.resolve("queries"));
        Cli.Result r = run();
        assertEquals(1, r.exit(), r.both());
        String q = tmp.resolve("queries") + "/";
        assertEquals(List.of(
                q + "01-ordered.rq: drift",
                "  same rows, another order; expected:",
                "    ?label=\"Russia\"@en",
                "    ?label=\"Armenia\"@en",
                "  got:",
                "    ?label=\"Armenia\"@en",
                "    ?label=\"Russia\"@en",
                q + "02-multiset.rq: drift",
                "  - ?member=<https://w3id.org/psikg/id/russia>",
                "  + ?member=<https://w3id.org/psikg/id/armenia>",
                q + "04-unexpected.rq: drift",
                "  no expected file 04-unexpected.srj (write it with check-queries --update, then check it by hand)",
                "4 queries, 3 drifted"), r.out().lines().toList());

        Cli.Result u = run("--update");
        assertEquals(0, u.exit(), u.both());
        assertEquals(true, Files.exists(tmp.resolve("queries/04-unexpected.srj")));
        Cli.Result again = run();
        assertEquals(0, again.exit(), again.both());
        assertEquals("4 queries, 0 drifted", again.out().strip());
    }

    @Test
    void aQueryThatDoesNotParseIsBadInput() throws Exception {
        Fixture.copyTree(Fixture.BASE, tmp);
        Files.createDirectories(tmp.resolve("queries"));
        Files.writeString(tmp.resolve("queries/01-bad.rq"), "SELECT * WHERE {\n  ?s ?p \n");
        Cli.Result r = run();
        assertEquals(2, r.exit(), r.both());
        assertEquals(true, r.err().contains("01-bad.rq:2:6: error: Encountered \"<EOF>\" at line 2, column 9. [sparql-syntax]"), r.err());
    }
}
