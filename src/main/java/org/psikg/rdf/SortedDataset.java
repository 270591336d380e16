package org.psikg.rdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.riot.RDFFormat;
import org.psikg.io.AtomicFiles;

/**
 * A dataset that can be written, as often as asked, in {@link DatasetWriter}'s order: held in
 * memory ({@link DatasetWriter}) or as sorted runs on disk ({@link StreamingBuild}). Either way
 * the same quads give the same bytes.
 * <pre>
 * SortedDataset sorted = DatasetWriter.of(dsg, prefixes);
 * sorted.writeAll(Path.of("target/psikg.trig"), Path.of("target/psikg.nq"));
 * </pre>
 */
public interface SortedDataset {
    /** Writes every quad as {@code format} (TriG with the prefixes, or N-Quads). */
    void write(OutputStream out, RDFFormat format) throws IOException;

    /** Writes both files, or neither: each goes to a temporary file first. */
    default void writeAll(Path trig, Path nquads) throws IOException {
        Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put(trig, out -> write(out, RDFFormat.TRIG_BLOCKS));
        files.put(nquads, out -> write(out, RDFFormat.NQUADS));
        AtomicFiles.write(files);
    }

    /** Writes the N-Quads file alone (no TriG): for loading elsewhere, where the TriG would only cost time. */
    default void writeNQuads(Path nquads) throws IOException {
        AtomicFiles.write(nquads, out -> write(out, RDFFormat.NQUADS));
    }
}
