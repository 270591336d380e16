package org.psikg.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;

import static org.junit.jupiter.api.Assertions.fail;

/** RDF assertions for tests: isomorphism, with both sides printed in TriG when it fails. */
public final class Rdf {
    private Rdf() {
    }

    public static void assertIsomorphic(DatasetGraph expected, DatasetGraph actual, String what) {
        if (!IsoMatcher.isomorphic(expected, actual)) {
            fail(what + ": graphs differ\n=== expected\n" + trig(expected) + "\n=== actual\n" + trig(actual));
        }
    }

    public static String trig(DatasetGraph dsg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, dsg, RDFFormat.TRIG_PRETTY);
        return out.toString(StandardCharsets.UTF_8);
    }
}
