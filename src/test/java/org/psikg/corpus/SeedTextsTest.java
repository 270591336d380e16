package org.psikg.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * seeds/ holds every text of the shared corpus byte for byte (where ../shared/seeds is
 * beside the clone, as in CI; elsewhere the checksums in the annotation files still hold).
 */
class SeedTextsTest {
    private static final Path SHARED = Path.of("../shared/seeds");

    @TestFactory
    Stream<DynamicTest> textsAreByteForByteTheSharedOnes() throws Exception {
        assumeTrue(Files.isDirectory(SHARED), "../shared/seeds is not beside this clone");
        try (Stream<Path> files = Files.list(SHARED)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> assertArrayEquals(
                            Files.readAllBytes(p), Files.readAllBytes(Path.of("seeds").resolve(p.getFileName())))));
        }
    }
}
