package org.psikg.rdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.riot.RDFFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.corpus.synth.SyntheticCorpus;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;

/**
 * The streaming build writes the bytes of the in-memory one (KnowledgeGraph and DatasetWriter)
 * on the seeds and on a synthetic corpus, reports the same errors, every article's, and leaves
 * no run behind.
 */
class StreamingBuildTest {
    private static final Path SEEDS = Path.of("seeds");
    private static final Path ONTOLOGY = Path.of("ontology/psikg.ttl");

    @TempDir
    Path tmp;

    @Test
    void theSeedsGiveTheInMemoryBytes() throws IOException {
        assertSameBytes(SEEDS);
    }

    @Test
    void aSyntheticCorpusGivesTheInMemoryBytes() throws IOException {
        Path corpus = tmp.resolve("synthetic");
        SyntheticCorpus.generate(SEEDS, 30, 7).writeTo(corpus);
        assertSameBytes(corpus);
    }

    @Test
    void mappingErrorsInTwoArticlesAreBothReported() throws IOException {
        Path corpus = tmp.resolve("synthetic");
        SyntheticCorpus.generate(SEEDS, 30, 7).writeTo(corpus);
        for (String article : List.of("00004_synthetic.yaml", "00021_synthetic.yaml")) {
            edit(corpus.resolve(article), "publisher: syn-publisher-", "publisher: no-such-publisher-");
        }
        List<InputError> errors = assertSameErrors(corpus);
        assertTrue(errors.stream().anyMatch(e -> e.location().file().endsWith("00004_synthetic.yaml")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.location().file().endsWith("00021_synthetic.yaml")), errors::toString);
    }

    @Test
    void readingErrorsInTwoArticlesAreBothReported() throws IOException {
        Path corpus = tmp.resolve("synthetic");
        SyntheticCorpus.generate(SEEDS, 30, 7).writeTo(corpus);
        for (String article : List.of("00002_synthetic.txt", "00030_synthetic.txt")) {
            Files.writeString(corpus.resolve(article), "\nchanged since it was annotated", java.nio.file.StandardOpenOption.APPEND);
        }
        // And a mapping error, which is not reported while the corpus cannot be read (as by the in-memory build).
        edit(corpus.resolve("00005_synthetic.yaml"), "publisher: syn-publisher-", "publisher: no-such-publisher-");
        List<InputError> errors = assertSameErrors(corpus);
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.stream().allMatch(e -> e.code() == ErrorCode.CHECKSUM_MISMATCH), errors::toString);
    }

    private void assertSameBytes(Path corpus) throws IOException {
        KnowledgeGraph kg = KnowledgeGraph.build(corpus, ONTOLOGY);
        DatasetWriter memory = DatasetWriter.of(kg.dataset(), kg.prefixes());
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        try (StreamingBuild streamed = StreamingBuild.run(corpus, ONTOLOGY, runs, 3)) {
            for (RDFFormat format : List.of(RDFFormat.TRIG_BLOCKS, RDFFormat.NQUADS)) {
                assertArrayEquals(bytes(memory, format), bytes(streamed, format), format.toString());
            }
            assertEquals(kg.quadsPerGraph(), streamed.summary().quadsPerGraph());
            assertEquals(kg.corpus().articles().size(), streamed.summary().articles());
            assertEquals(kg.corpus().unannotated(), streamed.summary().unannotated());
        }
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(List.of(), left.toList(), "the runs are deleted");
        }
    }

    private List<InputError> assertSameErrors(Path corpus) throws IOException {
        InputException memory = assertThrows(InputException.class, () -> KnowledgeGraph.build(corpus, ONTOLOGY));
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        InputException streamed = assertThrows(InputException.class, () -> StreamingBuild.run(corpus, ONTOLOGY, runs, 3).close());
        assertEquals(memory.getMessage(), streamed.getMessage());
        try (Stream<Path> left = Files.list(runs)) {
            assertEquals(List.of(), left.toList(), "the runs are deleted");
        }
        return streamed.errors();
    }

    private static byte[] bytes(SortedDataset dataset, RDFFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dataset.write(out, format);
        return out.toByteArray();
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " has " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
