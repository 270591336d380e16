package org.psikg.corpus;

import java.util.List;

/**
 * How much of an article's content its annotations cover: of its content sentences (see
 * {@link Sentences}), those that overlap an annotation, and those that overlap an annotation
 * carrying a statement (a fact or a node), not just a mention.
 * <pre>
 * Coverage c = Coverage.of(article);
 * c.annotatedPercent();   // 93.5
 * </pre>
 */
public record Coverage(List<Sentences.Span> sentences, List<Sentences.Span> unannotated, int annotated, int withStatement) {

    public static Coverage of(Article article) {
        List<Sentences.Span> sentences = Sentences.of(article.text(), article.furniture());
        int annotated = 0;
        int withStatement = 0;
        List<Sentences.Span> unannotated = new java.util.ArrayList<>();
        for (Sentences.Span s : sentences) {
            boolean any = false;
            boolean statement = false;
            for (AnchoredAnnotation a : article.annotations()) {
                if (s.overlaps(a.anchor().start(), a.anchor().end())) {
                    any = true;
                    statement |= !a.annotation().facts().isEmpty();
                }
            }
            annotated += any ? 1 : 0;
            withStatement += statement ? 1 : 0;
            if (!any) {
                unannotated.add(s);
            }
        }
        return new Coverage(List.copyOf(sentences), List.copyOf(unannotated), annotated, withStatement);
    }

    public double annotatedPercent() {
        return percent(annotated);
    }

    public double withStatementPercent() {
        return percent(withStatement);
    }

    private double percent(int n) {
        return sentences.isEmpty() ? 0 : Math.round(1000.0 * n / sentences.size()) / 10.0;
    }
}
