package org.psikg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.io.AtomicFiles;
import org.psikg.rdf.SortedDataset;
import org.psikg.rdf.StreamingBuild;
import org.psikg.search.TextIndex;
import org.psikg.server.Dumps;
import org.psikg.store.TdbStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code psikg build}: seeds to TriG and N-Quads, with a summary. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Anchor every quote and write the dataset as TriG and N-Quads.")
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "target/psikg.trig",
            description = "the TriG file; the N-Quads go beside it with the extension .nq (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--nquads-only", description = "write only the N-Quads file (where --out's .nq would go), not the TriG")
    boolean nquadsOnly;

    @Option(names = "--tdb2", paramLabel = "DIR", description = "also write a TDB2 store to this folder, for psikg serve --tdb2 (replaced only once complete)")
    Path tdb2;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Path nquads = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".nq");
        StreamingBuild.Summary summary;
        try {
            // Before any work: every output can be written, and nothing psikg did not write is in the way.
            checkOutputs(nquads);
            summary = tdb2 == null ? buildFiles(nquads) : buildStore(nquads);
        } catch (InputException e) {
            return Errors.report(spec, e);
        }
        var o = spec.commandLine().getOut();
        long total = 0;
        for (Map.Entry<String, Long> e : summary.quadsPerGraph().entrySet()) {
            o.printf("  %8d  %s%n", e.getValue(), e.getKey());
            total += e.getValue();
        }
        o.printf("  %8d  quads in all%n", total);
        o.printf("%d articles, %d annotations, %d entities, %.2f s%n", summary.articles(), summary.annotations(),
                summary.entities(), (System.nanoTime() - start) / 1e9);
        summary.unannotated().forEach(t -> o.printf("not loaded (no annotations yet): %s%n", t));
        return ExitCodes.OK;
    }

    /** The streaming build: one article in memory per thread, the sorted runs in a temporary folder beside the output. */
    private StreamingBuild streamingBuild(Path nquads) throws IOException {
        return StreamingBuild.run(corpus.seeds, corpus.ontology, nquads.toAbsolutePath().getParent(),
                Runtime.getRuntime().availableProcessors(), total -> progress.start(spec, "build", total, "articles"));
    }

    private StreamingBuild.Summary buildFiles(Path nquads) throws IOException {
        try (StreamingBuild build = streamingBuild(nquads)) {
            writeDumps(build, nquads);
            return build.summary();
        }
    }

    private StreamingBuild.Summary buildStore(Path nquads) throws IOException {
        var o = spec.commandLine().getOut();
        try (StreamingBuild build = streamingBuild(nquads)) {
            // The dumps of the graph as built go into the store's folder: TDB2 gives decimals back in
            // canonical form, so serve --tdb2 could not write the build's bytes from the store. The
            // TriG and N-Quads are written only once the new store is complete, and it replaces the
            // old one only once they are: a failure leaves the old store and the old files.
            String[] digest = new String[1];
            try (TdbStore.Replacement store = TdbStore.prepare(tdb2, build.prefixes(), build::stream, Dumps.savedPaths(),
                    folder -> digest[0] = Dumps.save(build, folder))) {
                writeDumps(build, nquads);
                store.commit();
            }
            o.printf("wrote the TDB2 store %s%n", tdb2);
            Path index = TextIndex.besideStore(tdb2);
            // From the finished store (the labels, quotes and texts it needs), not from a dataset in memory;
            // marked with the store's digest, so that serve --tdb2 knows it for this store's index.
            DatasetGraph stored = TdbStore.open(tdb2);
            try {
                TextIndex.write(stored, index, digest[0]);
            } finally {
                TdbStore.release(stored);
            }
            o.printf("wrote the search index %s%n", index);
            return build.summary();
        }
    }

    private void checkOutputs(Path nquads) throws IOException {
        if (!nquadsOnly && nquads.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new InputException(InputError.of(Location.ofFile(out.toString()), ErrorCode.BAD_OUTPUT,
                    "--out names the N-Quads file: the TriG would be written there too, and lost")
                    .withHint("name the TriG file (--out " + out.resolveSibling("psikg.trig") + "), or add --nquads-only"));
        }
        AtomicFiles.checkTargets(nquadsOnly ? List.of(nquads) : List.of(out, nquads));
        if (tdb2 != null) {
            // A served store is not to be replaced under its server, nor a folder psikg did not write.
            TdbStore.checkWritable(tdb2, Dumps.savedPaths());
            TextIndex.checkWritable(TextIndex.besideStore(tdb2));
        }
    }

    private void writeDumps(SortedDataset writer, Path nquads) throws IOException {
        var o = spec.commandLine().getOut();
        if (nquadsOnly) {
            writer.writeNQuads(nquads);
            o.printf("wrote %s%n", nquads);
        } else {
            writer.writeAll(out, nquads);
            o.printf("wrote %s and %s%n", out, nquads);
        }
    }
}
