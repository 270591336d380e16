package org.psikg.corpus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.psikg.corpus.yaml.SafeYaml;
import org.psikg.error.InputException;
import org.psikg.error.Problems;
import org.psikg.support.Located;

/**
 * Any bytes given as a registry file are either read or refused with located input errors;
 * any other exception is a bug. Seeds: RegistryReaderFuzzTestInputs/registryFile/.
 */
class RegistryReaderFuzzTest {
    private static final String NAME = "seeds/registry/fuzz.yaml";

    @FuzzTest(maxDuration = "15s")
    void registryFile(byte[] input) {
        try {
            Problems problems = new Problems();
            List<Entity> entities = RegistryReader.file(SafeYaml.parse(input, NAME), NAME, problems);
            problems.throwIfAny();
            for (Entity e : entities) {
                if (!e.labels().containsKey("en") || !e.labels().containsKey("ru") || e.types().isEmpty()) {
                    throw new AssertionError("entity '" + e.key() + "' read without its labels or type");
                }
            }
        } catch (InputException e) {
            Located.check(e, NAME);
        }
    }
}
