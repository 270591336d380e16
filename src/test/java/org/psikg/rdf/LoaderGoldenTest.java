package org.psikg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;
import org.psikg.support.Rdf;

/**
 * Golden tests of the loader: each folder of src/test/resources/loader is a corpus (the base
 * fixture as changed by the folder) and the dataset it must give, {@code expected.trig},
 * compared by isomorphism. Run with {@code -Dpsikg.updateGolden=true} to rewrite the expected
 * files after a deliberate change, then read the diff.
 */
class LoaderGoldenTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        return Fixture.cases("loader").stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path caseDir) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(caseDir.getFileName().toString()));
        Fixture.materialise(caseDir, dir);
        Path trig = dir.resolve("out/psikg.trig");
        Cli.Result r = Cli.run("build", "--seeds", dir.resolve("seeds").toString(),
                "--ontology", dir.resolve("ontology.ttl").toString(), "--out", trig.toString());
        assertEquals(0, r.exit(), r.both());
        Path expectedFile = caseDir.resolve("expected.trig");
        if (Boolean.getBoolean("psikg.updateGolden")) {
            Files.copy(trig, expectedFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        DatasetGraph actual = RDFDataMgr.loadDatasetGraph(trig.toString());
        Rdf.assertIsomorphic(RDFDataMgr.loadDatasetGraph(expectedFile.toString()), actual, caseDir.getFileName() + " (TriG)");
        Rdf.assertIsomorphic(actual, RDFDataMgr.loadDatasetGraph(dir.resolve("out/psikg.nq").toString()),
                caseDir.getFileName() + " (N-Quads against TriG)");
    }
}
