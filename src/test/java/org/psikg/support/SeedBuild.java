package org.psikg.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The project's own seeds built once per test run, through the command line, into
 * target/test-build (TriG and N-Quads), for the tests that check the real output.
 */
public final class SeedBuild {
    public static final Path DIR = Path.of("target/test-build");
    public static final Path TRIG = DIR.resolve("psikg.trig");
    public static final Path NQUADS = DIR.resolve("psikg.nq");
    private static DatasetGraph dataset;

    private SeedBuild() {
    }

    public static synchronized DatasetGraph dataset() {
        if (dataset == null) {
            Cli.Result r = Cli.run("build", "--out", TRIG.toString());
            assertEquals(0, r.exit(), r.both());
            dataset = RDFDataMgr.loadDatasetGraph(NQUADS.toString());
        }
        return dataset;
    }
}
