package org.psikg.validate;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.psikg.corpus.AnchoredAnnotation;
import org.psikg.corpus.Anaphor;
import org.psikg.corpus.Annotation;
import org.psikg.corpus.Article;
import org.psikg.corpus.Assertion;
import org.psikg.corpus.Corpus;
import org.psikg.corpus.FactSpec;
import org.psikg.corpus.Token;
import org.psikg.error.Location;
import org.psikg.validate.internal.LooseWords;
import org.psikg.validate.internal.Mentions;
import org.psikg.vocab.Prefixes;
import org.psikg.vocab.PsikgIris;

/**
 * The evidence lint: a statement marked as stated whose quote mentions neither its subject nor
 * its object is a warning at the statement's place in its annotation file, so that a quote
 * pinned to the wrong sentence is caught. A side is mentioned by any label or alias of its
 * entity (folded loosely, see {@link LooseWords}), by a phrase the annotation's {@code refers}
 * names for it, or, for an article's own node, by a mention of any entity the node points to;
 * a number by its digits, a date by its year. A side the lint cannot check (a class, an
 * individual of the ontology, a text) is left out; a statement with no side to check is not
 * reported.
 * <pre>
 * List&lt;Result&gt; warnings = EvidenceLint.check(kg.corpus());
 * </pre>
 */
public final class EvidenceLint {
    public static final Node RULE = NodeFactory.createURI(Prefixes.SHAPES_NS + "EvidenceMentionRule");
    public static final ShapeInfo INFO = new ShapeInfo(RULE, "quote mentions what it states",
            "A statement marked as stated rests on a quote that says it (annotation guide, 'Assertion modes'): such a quote names "
                    + "the statement's subject or its object, by a label or alias, by a pronoun or anaphor the annotation names in "
                    + "'refers', or by its number or year. A quote that names neither is usually pinned to the wrong sentence, or the "
                    + "statement is a reading. Checked on the corpus by psikg validate, not by a SHACL shape.",
            Severity.WARNING);

    private EvidenceLint() {
    }

    public static List<Result> check(Corpus corpus) {
        List<Result> out = new ArrayList<>();
        for (Article article : corpus.articles()) {
            Mentions mentions = Mentions.of(corpus.registry(), article);
            for (AnchoredAnnotation aa : article.annotations()) {
                check(article, aa, mentions, out);
            }
        }
        out.sort(Result.ORDER);
        return List.copyOf(out);
    }

    private static void check(Article article, AnchoredAnnotation aa, Mentions mentions, List<Result> out) {
        Annotation a = aa.annotation();
        LooseWords quote = LooseWords.of(aa.anchor().exact());
        Node focus = PsikgIris.underArticle(article.id(), "annotation/" + a.id());
        List<String> referred = new ArrayList<>();
        for (Anaphor r : a.refers()) {
            if (quote.mentions(r.phrase())) {
                r.entities().forEach(t -> referred.add(t.text()));
            } else {
                out.add(warning(focus, article, r.location(), "annotation '" + a.id() + "' says that '" + r.phrase()
                        + "' refers to " + keys(r.entities()) + ", but its quote has no '" + r.phrase() + "'"));
            }
        }
        for (FactSpec f : a.facts()) {
            if (f.assertion().mode() != Assertion.Mode.STATED) {
                continue;
            }
            Mentions.Side subject = mentions.side(f.subject());
            Mentions.Side object = mentions.side(f.object());
            if (!subject.checkable() && !object.checkable()) {
                continue;
            }
            if (!subject.in(quote, referred) && !object.in(quote, referred)) {
                out.add(warning(focus, article, f.location(), "the quote of annotation '" + a.id() + "' mentions neither "
                        + describe("subject", f.subject(), subject) + " nor " + describe("object", f.object(), object)
                        + " of the stated statement '" + f.subject() + " " + f.predicate() + " " + f.object()
                        + "': fix the quote, mark the statement a reading, or name the anaphor in 'refers'"));
            }
        }
    }

    private static String describe(String role, Token t, Mentions.Side side) {
        return side.checkable() ? "its " + role + " " + t.text() : "its " + role + " (" + side.kind() + ", not checked)";
    }

    private static String keys(List<Token> tokens) {
        return String.join(", ", tokens.stream().map(Token::text).toList());
    }

    /** At the article's annotation file as the graph names it ("seeds/NAME.yaml"), as SHACL results are. */
    private static Result warning(Node focus, Article article, Location at, String message) {
        return new Result(Severity.WARNING, RULE, focus, null, null, message, null,
                new SourceLocation(article.annotationFile(), at.line(), at.column()));
    }
}
