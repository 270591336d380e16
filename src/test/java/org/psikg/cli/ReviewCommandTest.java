package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;

/**
 * {@code psikg review} on the real seeds (samples) and on the loader's assertions case (an
 * article's statements with their modes, verdict files and their summary and errors). The
 * fixture's small ontology does not make a thesis a claim, so its statements are of kind "other".
 */
class ReviewCommandTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void corpus() {
        Fixture.materialise(Fixture.RESOURCES.resolve("loader/assertions"), tmp);
    }

    private Cli.Result review(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "review";
        all[1] = "--seeds";
        all[2] = tmp.resolve("seeds").toString();
        all[3] = "--ontology";
        all[4] = tmp.resolve("ontology.ttl").toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return Cli.run(all);
    }

    @Test
    void aSampleOfTheSeedsIsTheSameForTheSameSeedAndDiffersForAnother() {
        Cli.Result a = Cli.run("review", "--sample", "12", "--seed", "15");
        Cli.Result b = Cli.run("review", "--sample", "12", "--seed", "15");
        Cli.Result c = Cli.run("review", "--sample", "12", "--seed", "16");
        assertEquals(0, a.exit(), a.both());
        assertEquals(a.out(), b.out());
        assertNotEquals(a.out(), c.out());
        assertTrue(a.out().endsWith("12 statement(s)\n"), a.out());
        assertEquals(12, a.out().lines().filter(l -> l.matches("\\d+\\. [a-z0-9-]+/[0-9a-f]{16}  \\[.*\\]")).count(), a.out());
        assertTrue(a.out().lines().anyMatch(l -> l.startsWith("   > ") && l.contains("[[")), "each with its quote in context");
        assertTrue(a.out().lines().anyMatch(l -> l.matches("     seeds/\\d{3}_[0-9a-f]{16}\\.yaml:\\d+")), "and its annotation's place");
    }

    @Test
    void anArticleShowsEveryStatementWithItsMode() {
        Cli.Result r = review("--article", "test-article");
        assertEquals(0, r.exit(), r.both());
        assertTrue(r.out().contains("[other; hedged: Possible: may]"), r.out());
        assertTrue(r.out().contains("[other; reading]"), r.out());
        assertTrue(r.out().contains("[membership; stated]"), r.out());
        assertTrue(r.out().contains("[[the Union]] is weak."), r.out());
    }

    @Test
    void anUnknownArticleIsBadInput() {
        Cli.Result r = review("--article", "no-such-article");
        assertEquals(2, r.exit(), r.both());
        assertTrue(r.err().contains("no statements of an article 'no-such-article' [bad-review]"), r.err());
        assertTrue(r.err().contains("articles: test-article"), r.err());
    }

    @Test
    void theSummaryCountsVerdictsPerKind() throws Exception {
        List<String> ids = review("--all").out().lines().filter(l -> l.matches("\\d+\\. .*")).map(l -> l.split(" ")[1]).toList();
        String claimRead = id(review("--all").out(), "[other; reading]");
        String membership = id(review("--all").out(), "[membership; stated]");
        String other = id(review("--all").out(), "[project; stated]");
        assertTrue(ids.contains(other));
        Files.createDirectories(tmp.resolve("seeds/review"));
        Files.writeString(tmp.resolve("seeds/review/first.yaml"), "reviewer: test\nsample: {size: 3, seed: 1}\nverdicts:\n"
                + "  - {statement: " + claimRead + ", verdict: reading}\n"
                + "  - {statement: " + membership + ", verdict: stated}\n"
                + "  - {statement: " + other + ", verdict: unsupported, note: why}\n");
        Cli.Result r = review("--summary");
        assertEquals(0, r.exit(), r.both());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("other\\s+1\\s+0\\s+1\\s+1\\s+0\\s+0\\s+0\\.0%\\s+1")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("membership\\s+1\\s+1\\s+0\\s+0\\s+0\\s+0\\s+100\\.0%\\s+1")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("all\\s+3\\s+1\\s+1\\s+1\\s+1\\s+0\\s+33\\.3%\\s+2")), r.out());
    }

    @Test
    void badVerdictFilesAreReportedAtTheirPlace() throws Exception {
        Files.createDirectories(tmp.resolve("seeds/review"));
        Files.writeString(tmp.resolve("seeds/review/bad.yaml"), "verdicts:\n"
                + "  - {statement: test-article/0000000000000000, verdict: stated}\n"
                + "  - {statement: test-article/0000000000000001, verdict: maybe}\n");
        Cli.Result r = review("--summary");
        assertEquals(2, r.exit(), r.both());
        assertTrue(r.err().contains("seeds/review/bad.yaml:3:57: error: 'maybe' is not a verdict [bad-verdict]"), r.err());
        Files.writeString(tmp.resolve("seeds/review/bad.yaml"), "verdicts:\n  - {statement: test-article/0000000000000000, verdict: stated}\n");
        r = review("--summary");
        assertEquals(2, r.exit(), r.both());
        assertTrue(r.err().contains("seeds/review/bad.yaml:2:17: error: the graph has no statement 'test-article/0000000000000000' [unknown-statement]"),
                r.err());
    }

    @Test
    void oneOfSampleArticleAllOrSummaryIsNeeded() {
        assertEquals(2, review().exit());
        assertEquals(2, review("--sample", "3", "--article", "test-article").exit());
    }

    private static String id(String listing, String tag) {
        return listing.lines().filter(l -> l.contains(tag)).findFirst().orElseThrow(() -> new AssertionError(tag + " in\n" + listing))
                .split(" ")[1];
    }
}
