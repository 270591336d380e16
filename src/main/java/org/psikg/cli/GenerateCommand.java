package org.psikg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.psikg.corpus.synth.SyntheticCorpus;
import org.psikg.io.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psikg generate}: a synthetic corpus of any size from the seeds, for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic corpus (articles, annotations, registry) grown from the seeds, for benchmarks.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--articles", paramLabel = "N", required = true, description = "how many articles")
    int articles;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "the random seed: the same seed gives the same bytes (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds", description = "the seed corpus to grow from (default: ${DEFAULT-VALUE})")
    Path seeds;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the folder to write the corpus to (new or empty)")
    Path out;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        SyntheticCorpus corpus;
        // The summary line counts the writing too; the articles are made in memory first.
        try (Progress p = progress.start(spec, "generate", articles, "articles")) {
            corpus = SyntheticCorpus.generate(seeds, articles, seed, p);
            corpus.writeTo(out);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("psikg: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        spec.commandLine().getOut().printf("wrote %d articles (%d files) to %s, %.2f s%n", articles, corpus.files().size(), out,
                (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
