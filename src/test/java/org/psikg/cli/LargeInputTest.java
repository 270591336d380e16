package org.psikg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.BadRun;
import org.psikg.support.Fixture;

/**
 * A 100 MB literal, wherever it is put: in an annotation file, in an article's text and in
 * the ontology. Each is refused by a size limit before it is read whole (so without the
 * memory it would take), located where the file passes the limit, and nothing is written.
 * The files are made here, in a temporary folder, not committed.
 */
class LargeInputTest {
    private static final int HUNDRED_MB = 100 * 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void hundredMegabyteScalarInAnAnnotationFile() throws IOException {
        Fixture.copyTree(Fixture.BASE, tmp);
        Path yaml = tmp.resolve("seeds/article.yaml");
        appendHuge(yaml, "\nnote: \"", "\"\n");
        new BadRun(tmp, "ontology.ttl", List.of("build", "validate"), 2, List.of(
                "seeds/article.yaml:42:3144589: error: the YAML file is larger than 3 MB (104858749 bytes);"
                        + " it passes the limit here [yaml-too-large]")).check();
    }

    @Test
    void hundredMegabyteArticleText() throws IOException {
        Fixture.copyTree(Fixture.BASE, tmp);
        appendHuge(tmp.resolve("seeds/article.txt"), "\n", "\n");
        new BadRun(tmp, "ontology.ttl", List.of("build", "validate"), 2, List.of(
                "seeds/article.txt:12:16776961: error: the text is larger than 16 MB (104857857 bytes);"
                        + " it passes the limit here [text-too-large]")).check();
    }

    @Test
    void hundredMegabyteLiteralInTheOntology() throws IOException {
        Fixture.copyTree(Fixture.BASE, tmp);
        appendHuge(tmp.resolve("ontology.ttl"), "psi:Person rdfs:comment \"", "\" .\n");
        new BadRun(tmp, "ontology.ttl", List.of("build", "validate"), 2, List.of(
                "ontology.ttl:37:33552673: error: the RDF file is larger than 32 MB (104859389 bytes);"
                        + " it passes the limit here [rdf-too-large]")).check();
    }

    /** Appends {@code before}, 100 MB of 'x' without a line break, and {@code after}, a megabyte at a time. */
    private static void appendHuge(Path file, String before, String after) throws IOException {
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            out.write(before.getBytes(StandardCharsets.UTF_8));
            for (int written = 0; written < HUNDRED_MB; written += block.length) {
                out.write(block);
            }
            out.write(after.getBytes(StandardCharsets.UTF_8));
        }
    }
}
