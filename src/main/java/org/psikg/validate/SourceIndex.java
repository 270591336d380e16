package org.psikg.validate;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.psikg.corpus.AnchoredAnnotation;
import org.psikg.corpus.Article;
import org.psikg.corpus.Corpus;
import org.psikg.corpus.Entity;
import org.psikg.error.Location;

/**
 * Maps the source locations a graph records to the files of the corpus it was built from.
 * The graph names a file by the seeds folder's own name ({@code seeds/x.yaml}: the same
 * wherever the build runs, so that dumps are reproducible); a report must name the file as
 * it is ({@code corpus/seeds/x.yaml} for {@code --seeds corpus/seeds}), and give the column
 * of the annotation or registry entry, which the graph does not record.
 * <pre>
 * Report located = report.relocated(SourceIndex.of(kg.corpus(), Path.of("corpus/seeds")));
 * </pre>
 */
public final class SourceIndex implements UnaryOperator<SourceLocation> {
    private final String recordedPrefix;
    private final String actualPrefix;
    private final Map<String, Map<Integer, Integer>> columns = new HashMap<>();

    private SourceIndex(String recordedPrefix, String actualPrefix) {
        this.recordedPrefix = recordedPrefix;
        this.actualPrefix = actualPrefix;
    }

    /** @param seeds the seeds folder as the user named it */
    public static SourceIndex of(Corpus corpus, Path seeds) {
        Path name = seeds.toAbsolutePath().normalize().getFileName();
        SourceIndex index = new SourceIndex((name == null ? "" : name.toString()) + "/", seeds.toString().replace('\\', '/') + "/");
        for (Article a : corpus.articles()) {
            index.add(a.annotationFile(), a.meta().location());
            for (AnchoredAnnotation an : a.annotations()) {
                index.add(a.annotationFile(), an.annotation().location());
            }
        }
        if (corpus.registry() != null) {
            for (Entity e : corpus.registry().entities().values()) {
                index.add(e.sourceFile(), e.location());
            }
        }
        return index;
    }

    private void add(String recordedFile, Location at) {
        if (at != null && at.line() > 0 && at.column() > 0) {
            columns.computeIfAbsent(recordedFile, k -> new HashMap<>()).merge(at.line(), at.column(), Math::min);
        }
    }

    @Override
    public SourceLocation apply(SourceLocation recorded) {
        int column = columns.getOrDefault(recorded.file(), Map.of()).getOrDefault(recorded.line(), recorded.column());
        String file = recorded.file().startsWith(recordedPrefix)
                ? actualPrefix + recorded.file().substring(recordedPrefix.length()) : recorded.file();
        return new SourceLocation(file, recorded.line(), column);
    }
}
