package org.psikg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.psikg.error.InputException;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.review.Review;
import org.psikg.review.ReviewItem;
import org.psikg.review.ReviewText;
import org.psikg.review.Summary;
import org.psikg.review.Verdicts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psikg review}: statements with their quotes for a human reviewer, and the summary of the verdicts. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Print statements with their quotes and assertion modes for review (a random sample or an article), "
                + "or summarise the reviewers' verdicts per kind of statement.")
final class ReviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    static final class What {
        @Option(names = "--sample", paramLabel = "N", description = "a random sample of N statements (with --seed)")
        Integer sample;

        @Option(names = "--article", paramLabel = "ID", description = "every statement of the article with this id")
        String article;

        @Option(names = "--all", description = "every statement")
        boolean all;

        @Option(names = "--summary", description = "summarise the verdicts of --verdicts per kind of statement")
        boolean summary;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "the random seed of --sample (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--verdicts", paramLabel = "DIR", description = "the folder of verdict files (default: SEEDS/review)")
    Path verdicts;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            KnowledgeGraph kg = corpus.build();
            Review review = Review.of(kg.dataset());
            if (what.summary) {
                ReviewText.summary(Summary.of(review, Verdicts.read(verdicts != null ? verdicts : corpus.seeds.resolve("review"))), out);
                return ExitCodes.OK;
            }
            List<ReviewItem> items = what.sample != null ? review.sample(what.sample, seed)
                    : what.article != null ? review.article(what.article) : review.all();
            ReviewText.items(items, kg.prefixes(), out);
        } catch (InputException e) {
            return Errors.report(spec, e);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
