package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;

/** {@code --progress} on a command that takes it (generate): the mode chosen is the mode written, on standard error only. */
class ProgressOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void linesEndWithTheSummaryOnStandardError() {
        Cli.Result r = Cli.run("generate", "--articles", "12", "--out", tmp.resolve("a").toString(), "--progress=lines");
        assertEquals(0, r.exit(), r.both());
        assertTrue(r.err().matches("(?s)(generate  \\d+/12 articles  .*\n)*generate: 12 articles in [0-9.]+ s \\([0-9.]+ articles/s\\)\n"),
                r.both());
        assertTrue(r.out().startsWith("wrote 12 articles"), r.both());
    }

    @Test
    void noneAndAutoOffATerminalForShortWorkWriteNothing() {
        Cli.Result none = Cli.run("generate", "--articles", "12", "--out", tmp.resolve("b").toString(), "--progress", "NONE");
        assertEquals(0, none.exit(), none.both());
        assertEquals("", none.err());
        // The tests' standard error is a StringWriter and the JVM's no terminal: AUTO writes no line for 12 articles.
        Cli.Result auto = Cli.run("generate", "--articles", "12", "--out", tmp.resolve("c").toString());
        assertEquals(0, auto.exit(), auto.both());
        assertEquals("", auto.err());
    }

    @Test
    void anUnknownModeIsBadUsage() {
        Cli.Result r = Cli.run("generate", "--articles", "1", "--out", tmp.resolve("d").toString(), "--progress=fancy");
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.both());
        assertTrue(r.err().contains("not one of auto, bar, lines, none: fancy"), r.both());
    }
}
