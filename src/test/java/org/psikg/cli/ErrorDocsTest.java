package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.psikg.error.ErrorCode;

/** Every error code has its section in docs/errors.md. */
class ErrorDocsTest {
    @TestFactory
    Stream<DynamicTest> everyCodeIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("docs/errors.md"));
        return Arrays.stream(ErrorCode.values()).map(c -> DynamicTest.dynamicTest(c.id(),
                () -> assertTrue(docs.contains("\n### " + c.id() + "\n"), "docs/errors.md has no section '### " + c.id() + "'")));
    }
}
