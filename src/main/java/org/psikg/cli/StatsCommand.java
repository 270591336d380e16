package org.psikg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.psikg.corpus.Article;
import org.psikg.corpus.Coverage;
import org.psikg.corpus.Sentences;
import org.psikg.error.InputException;
import org.psikg.rdf.CorpusStats;
import org.psikg.rdf.KnowledgeGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psikg stats}: how well the annotations cover the corpus. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Report annotation coverage per article and in total.")
final class StatsCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--uncovered", description = "also list the content sentences no annotation covers")
    boolean uncovered;

    @Override
    public Integer call() throws Exception {
        KnowledgeGraph kg;
        try {
            kg = corpus.build();
        } catch (InputException e) {
            return Errors.report(spec, e);
        }
        CorpusStats stats = CorpusStats.of(kg);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(stats));
        } else {
            out.printf("%-46s %9s %16s %16s %11s %10s %10s %8s%n", "article", "sentences", "annotated", "with statement",
                    "annotations", "statements", "statistics", "entities");
            for (CorpusStats.Row r : stats.articles()) {
                row(out, r);
            }
            row(out, stats.total());
            out.println("entities by type: " + stats.total().entities());
            out.println("registry entities no article refers to: " + stats.unusedEntities().size()
                    + (stats.unusedEntities().isEmpty() ? "" : " " + stats.unusedEntities()));
        }
        if (uncovered) {
            for (Article a : kg.corpus().articles()) {
                for (Sentences.Span s : Coverage.of(a).unannotated()) {
                    String text = a.text().substring(a.text().offsetByCodePoints(0, s.start()), a.text().offsetByCodePoints(0, s.end()));
                    out.printf("%s: not annotated: %s%n", a.textFile(), text.replaceAll("\\s+", " "));
                }
            }
        }
        return ExitCodes.OK;
    }

    private static void row(PrintWriter out, CorpusStats.Row r) {
        out.printf("%-46s %9d %8d %6.1f%% %8d %6.1f%% %11d %10d %10d %8d%n", r.article(), r.contentSentences(),
                r.annotatedSentences(), r.annotatedPercent(), r.statementSentences(), r.statementPercent(), r.annotations(),
                r.statements(), r.statistics(), r.distinctEntities());
    }
}
