package org.psikg.corpus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.psikg.corpus.yaml.SafeYaml;
import org.psikg.error.InputException;
import org.psikg.support.Located;

/**
 * Any bytes given as an annotation file are either read or refused with located input
 * errors; any other exception is a bug. Seeds: AnnotationReaderFuzzTestInputs/annotationFile/.
 * Runs on the seeds in every test run; {@code bench/fuzz.sh} and the CI's fuzz step fuzz it.
 */
class AnnotationReaderFuzzTest {
    private static final String NAME = "seeds/fuzz.yaml";

    @FuzzTest(maxDuration = "15s")
    void annotationFile(byte[] input) {
        try {
            ArticleFile file = AnnotationReader.read(SafeYaml.parse(input, NAME), NAME);
            if (file.meta() == null || !file.meta().id().equals(file.meta().id().strip())) {
                throw new AssertionError("an article read without a proper id: " + file.meta());
            }
            for (Annotation a : file.annotations()) {
                if (a.quote().quote().isBlank() || a.location().line() < 1) {
                    throw new AssertionError("annotation '" + a.id() + "' read with a blank quote or no line");
                }
            }
        } catch (InputException e) {
            Located.check(e, NAME);
        }
    }
}
