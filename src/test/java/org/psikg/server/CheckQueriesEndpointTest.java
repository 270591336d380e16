package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.io.PrintableText;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;

/**
 * {@code psikg check-queries --endpoint} against a real psikg server over HTTP (the base
 * fixture, which the queries of src/test/resources/check-queries are written for): every
 * verdict (agrees, differs, failed) with its reason, and what is refused before asking.
 */
class CheckQueriesEndpointTest {
    @TempDir
    Path tmp;

    private Cli.Result check(String endpoint, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check-queries", "--endpoint", endpoint,
                "--queries", tmp.resolve("queries").toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void eachQueryAgreesDiffersOrFailsWithItsReason() throws Exception {
        Fixture.copyTree(Fixture.RESOURCES.resolve("check-queries"), tmp.resolve("queries"));
        String sparql = TestServer.url() + "/psikg/sparql";
        Cli.Result r = check(sparql);
        assertEquals(1, r.exit(), r.both());
        String q = tmp.resolve("queries") + "/";
        assertEquals(List.of(
                q + "01-ordered.rq: differs",
                "  same rows, another order; expected:",
                "    ?label=\"Russia\"@en",
                "    ?label=\"Armenia\"@en",
                "  got:",
                "    ?label=\"Armenia\"@en",
                "    ?label=\"Russia\"@en",
                q + "02-multiset.rq: differs",
                "  - ?member=<https://w3id.org/psikg/id/russia>",
                "  + ?member=<https://w3id.org/psikg/id/armenia>",
                q + "03-ask.rq: agrees",
                q + "04-unexpected.rq: differs",
                "  no expected file 04-unexpected.srj (write it with check-queries --update, then check it by hand)",
                "4 queries against " + sparql + ": 1 agree, 3 differ, 0 failed"), r.out().lines().toList());
        // Once the expected files are right, every query agrees and the exit code is 0.
        assertEquals(0, Cli.run("check-queries", "--seeds", TestServer.corpus().resolve("seeds").toString(), "--ontology",
                TestServer.corpus().resolve("ontology.ttl").toString(), "--queries", tmp.resolve("queries").toString(), "--update").exit());
        Cli.Result again = check(sparql);
        assertEquals(0, again.exit(), again.both());
        assertTrue(again.out().endsWith("4 queries against " + sparql + ": 4 agree, 0 differ, 0 failed\n"), again.out());
    }

    @Test
    void aStoreThatRefusesOrCannotBeReachedFailsWithItsStatusAndMessage() throws Exception {
        Files.createDirectories(tmp.resolve("queries"));
        Files.writeString(tmp.resolve("queries/01-all.rq"), "SELECT * WHERE { ?s ?p ?o }\n");
        Cli.Result notFound = check(TestServer.url() + "/no-such-endpoint");
        assertEquals(1, notFound.exit(), notFound.both());
        assertTrue(notFound.out().contains("01-all.rq: failed (HTTP 404): "), notFound.out());
        Cli.Result unreachable = check("http://127.0.0.1:1/sparql");
        assertEquals(1, unreachable.exit(), unreachable.both());
        assertTrue(unreachable.out().contains("01-all.rq: failed (unreachable): could not reach http://127.0.0.1:1/sparql"),
                unreachable.out());
        assertTrue(unreachable.out().endsWith("1 queries against http://127.0.0.1:1/sparql: 0 agree, 0 differ, 1 failed\n"));
    }

    @Test
    void badUsageIsRefusedBeforeAsking() throws Exception {
        Files.createDirectories(tmp.resolve("queries"));
        assertEquals(2, check("ftp://example.org/sparql").exit());
        assertEquals(2, check("not a url").exit());
        Cli.Result update = check(TestServer.url() + "/psikg/sparql", "--update");
        assertEquals(2, update.exit(), update.both());
        assertTrue(update.err().contains("--update"), update.err());
    }

    @Test
    void aStoresMessageIsMadeSafeToPrint() {
        assertEquals("Virtuoso 37000 Error SP030: syntax error", PrintableText.of(
                "<html><body>Virtuoso 37000 Error\r\n\u001b[31mSP030\u001b[0m: syntax error</body></html>\n"));
        assertEquals("(no message)", PrintableText.of(" \n"));
        String cut = PrintableText.of("x".repeat(1000));
        assertEquals(301, cut.length());
        assertTrue(cut.endsWith("…"));
    }
}
