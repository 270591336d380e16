package org.psikg.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputException;
import org.psikg.support.Fixture;

/**
 * The loader reads only regular files in the seeds folder (issue 16): an article text linked
 * to a file outside (even one with the very content the checksum expects), a registry file
 * linked to /dev/zero, and a FIFO named like a YAML file are refused before they are opened,
 * and no message prints the digest of what the link pointed at.
 */
class CorpusFileKindsTest {
    @TempDir
    Path tmp;

    private Path seeds() {
        Fixture.copyTree(Fixture.BASE, tmp.resolve("corpus"));
        return tmp.resolve("corpus/seeds");
    }

    private static InputException refused(Path seeds) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(InputException.class,
                () -> CorpusReader.read(seeds)), "the loader blocked on a file that is not a regular file");
    }

    @Test
    void aTextLinkedOutOfTheFolderIsRefused() throws IOException {
        Path seeds = seeds();
        Path outside = tmp.resolve("outside.txt");
        Files.move(seeds.resolve("article.txt"), outside);
        Files.createSymbolicLink(seeds.resolve("article.txt"), outside);
        InputException e = refused(seeds);
        assertEquals(ErrorCode.NOT_REGULAR_FILE, e.errors().get(0).code(), e.getMessage());
        assertFalse(e.getMessage().contains("sha256"), "no digest of the linked file: " + e.getMessage());
    }

    @Test
    void aRegistryLinkedToADeviceIsRefused() throws IOException {
        Path seeds = seeds();
        Path registry = seeds.resolve("registry/entities.yaml");
        Files.delete(registry);
        Files.createSymbolicLink(registry, Path.of("/dev/zero"));
        assertEquals(ErrorCode.NOT_REGULAR_FILE, refused(seeds).errors().get(0).code());
    }

    @Test
    void aFifoNamedLikeYamlIsRefusedWithoutBlocking() throws Exception {
        Path seeds = seeds();
        Path fifo = seeds.resolve("registry/more.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        assertEquals(ErrorCode.NOT_REGULAR_FILE, refused(seeds).errors().get(0).code());
    }
}
