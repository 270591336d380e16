package org.psikg.rdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Process;

/** Two builds of the seeds, each in a JVM of its own, give the same bytes. */
class DeterminismTest {
    @TempDir
    Path tmp;

    @Test
    void twoBuildsAreByteIdentical() throws Exception {
        for (String run : new String[] {"a", "b"}) {
            Cli.Result r = Process.run("build", "--out", tmp.resolve(run + "/psikg.trig").toString());
            assertEquals(0, r.exit(), r.both());
        }
        for (String file : new String[] {"psikg.trig", "psikg.nq"}) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a/" + file)), Files.readAllBytes(tmp.resolve("b/" + file)), file);
        }
    }
}
