package org.psikg.rdf.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.psikg.corpus.AnchoredAnnotation;
import org.psikg.corpus.Assertion;
import org.psikg.corpus.Annotation;
import org.psikg.corpus.Article;
import org.psikg.corpus.ArticleMeta;
import org.psikg.corpus.FactSpec;
import org.psikg.corpus.Registry;
import org.psikg.corpus.TextFiles;
import org.psikg.corpus.Token;
import org.psikg.corpus.anchor.Anchor;
import org.psikg.error.InputException;
import org.psikg.error.Problems;
import org.psikg.rdf.Ontology;
import org.psikg.vocab.PROV;
import org.psikg.vocab.PSI;
import org.psikg.vocab.PsikgIris;

/**
 * Writes one article's named graph: the article, each annotation with its Web Annotation
 * target and selectors, each statement asserted once and reified once with every annotation
 * that supports it.
 */
public final class ArticleMapper {
    /** Code points of context kept either side of a quote in its TextQuoteSelector. */
    static final int CONTEXT = 32;

    private final Ontology ontology;
    private final Registry registry;
    private final CrossReferences crossReferences;

    public ArticleMapper(Ontology ontology, Registry registry, CrossReferences crossReferences) {
        this.ontology = ontology;
        this.registry = registry;
        this.crossReferences = crossReferences;
    }

    public void map(Article article, DatasetGraph out, Problems problems) {
        ArticleMeta meta = article.meta();
        Node graph = PsikgIris.graph(article.id());
        Node self = PsikgIris.article(article.id());
        TermResolver terms = new TermResolver(ontology, registry, article.id(), meta.language(), crossReferences);
        int[] text = article.text().codePoints().toArray();
        guard(problems, () -> describeArticle(article, terms, graph, self, out));
        Map<Triple, Set<Node>> evidence = new LinkedHashMap<>();
        Map<Triple, List<Assertion>> assertions = new HashMap<>();
        for (AnchoredAnnotation aa : article.annotations()) {
            Annotation a = aa.annotation();
            Node ann = PsikgIris.underArticle(article.id(), "annotation/" + a.id());
            guard(problems, () -> describeAnnotation(article, aa, text, terms, graph, self, ann, out));
            // Not written to the graph (the lint reads them from the corpus), but a misspelt key is an error all the same.
            a.refers().forEach(r -> r.entities().forEach(key -> guard(problems, () -> terms.subject(key))));
            for (FactSpec f : a.facts()) {
                guard(problems, () -> {
                    Node p = terms.predicate(f.predicate());
                    if (p.equals(RDF.type.asNode())) {
                        // Before the class is resolved: a misspelt class is one error, not two.
                        terms.typed(f.subject());
                    }
                    Triple t = Triple.create(terms.subject(f.subject()), p, terms.object(p, f.object()));
                    evidence.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(ann);
                    assertions.computeIfAbsent(t, k -> new ArrayList<>()).add(f.assertion());
                });
            }
        }
        terms.checkLocalNodes(problems);
        evidence.forEach((t, annotations) -> {
            out.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
            Node st = PsikgIris.underArticle(article.id(), "statement/" + hash(t));
            out.add(graph, st, RDF.type.asNode(), RDF.Statement.asNode());
            out.add(graph, st, RDF.subject.asNode(), t.getSubject());
            out.add(graph, st, RDF.predicate.asNode(), t.getPredicate());
            out.add(graph, st, RDF.object.asNode(), t.getObject());
            out.add(graph, st, PROV.hadPrimarySource, self);
            annotations.forEach(ann -> out.add(graph, st, PROV.wasDerivedFrom, ann));
            describeAssertion(assertions.get(t), meta.language(), graph, st, out);
        });
    }

    /**
     * The strongest mode among the statement's quotes: one quote that states it outright makes
     * it stated; a hedged statement keeps every modality and hedge its quotes give.
     */
    private static void describeAssertion(List<Assertion> all, String language, Node graph, Node st, DatasetGraph out) {
        Assertion.Mode mode = all.stream().map(Assertion::mode).reduce(Assertion.Mode::strongest).orElse(Assertion.Mode.STATED);
        out.add(graph, st, PSI.assertionMode, PSI.term(mode.term()));
        if (mode == Assertion.Mode.HEDGED) {
            for (Assertion a : all) {
                if (a.mode() == mode) {
                    out.add(graph, st, PSI.modality, PSI.term(a.modality().term()));
                    out.add(graph, st, PSI.hedge, NodeFactory.createLiteralLang(a.hedge(), language));
                }
            }
        }
    }

    private void describeArticle(Article article, TermResolver terms, Node graph, Node self, DatasetGraph out) {
        ArticleMeta meta = article.meta();
        out.add(graph, self, RDF.type.asNode(), PSI.Article);
        Token genre = new Token("schema:" + meta.genre().text(), meta.genre().location());
        out.add(graph, self, RDF.type.asNode(), terms.type(genre));
        out.add(graph, self, DCTerms.title.asNode(), NodeFactory.createLiteralLang(meta.title(), meta.language()));
        out.add(graph, self, DCTerms.language.asNode(), NodeFactory.createLiteralString(meta.language()));
        for (Token author : meta.authors()) {
            out.add(graph, self, DCTerms.creator.asNode(), terms.entity(author));
        }
        if (meta.publisher() != null) {
            out.add(graph, self, DCTerms.publisher.asNode(), terms.entity(meta.publisher()));
        }
        if (meta.published() != null) {
            out.add(graph, self, DCTerms.issued.asNode(), Literals.date(meta.published()));
        }
        out.add(graph, self, PSI.sha256, NodeFactory.createLiteralString(article.sha256()));
        out.add(graph, self, PSI.characterCount, integer(article.length()));
        out.add(graph, self, PSI.textFile, NodeFactory.createLiteralString(article.textFile()));
        out.add(graph, self, PSI.text, NodeFactory.createLiteralString(article.text()));
        out.add(graph, self, PSI.sourceFile, NodeFactory.createLiteralString(article.annotationFile()));
        out.add(graph, self, PSI.sourceLine, integer(meta.location().line()));
        for (Anchor f : article.furniture()) {
            // Named by its offsets: the same furniture gets the same IRI in every build.
            Node selector = NodeFactory.createURI(self.getURI() + "/furniture/" + f.start() + "-" + f.end());
            out.add(graph, self, PSI.pageFurniture, selector);
            out.add(graph, selector, RDF.type.asNode(), OA.TextPositionSelector.asNode());
            out.add(graph, selector, OA.start.asNode(), NodeFactory.createLiteralDT(Integer.toString(f.start()), XSDDatatype.XSDnonNegativeInteger));
            out.add(graph, selector, OA.end.asNode(), NodeFactory.createLiteralDT(Integer.toString(f.end()), XSDDatatype.XSDnonNegativeInteger));
            out.add(graph, selector, PSI.offsetUnit, PSI.UnicodeCodePoint);
        }
    }

    private void describeAnnotation(Article article, AnchoredAnnotation aa, int[] text, TermResolver terms,
                                    Node graph, Node self, Node ann, DatasetGraph out) {
        Annotation a = aa.annotation();
        Anchor anchor = aa.anchor();
        Node target = NodeFactory.createURI(ann.getURI() + "/target");
        Node quote = NodeFactory.createURI(ann.getURI() + "/quote");
        Node position = NodeFactory.createURI(ann.getURI() + "/position");
        out.add(graph, ann, RDF.type.asNode(), OA.Annotation.asNode());
        out.add(graph, ann, OA.motivatedBy.asNode(), (a.facts().isEmpty() ? OA.identifying : OA.describing).asNode());
        for (Token key : a.about()) {
            out.add(graph, ann, OA.hasBody.asNode(), terms.entity(key));
        }
        out.add(graph, ann, OA.hasTarget.asNode(), target);
        out.add(graph, ann, PSI.sourceFile, NodeFactory.createLiteralString(article.annotationFile()));
        out.add(graph, ann, PSI.sourceLine, integer(a.location().line()));
        out.add(graph, target, RDF.type.asNode(), OA.SpecificResource.asNode());
        out.add(graph, target, OA.hasSource.asNode(), self);
        out.add(graph, target, OA.hasSelector.asNode(), quote);
        out.add(graph, target, OA.hasSelector.asNode(), position);
        out.add(graph, quote, RDF.type.asNode(), OA.TextQuoteSelector.asNode());
        out.add(graph, quote, OA.exact.asNode(), NodeFactory.createLiteralString(anchor.exact()));
        String prefix = new String(text, Math.max(0, anchor.start() - CONTEXT), anchor.start() - Math.max(0, anchor.start() - CONTEXT));
        String suffix = new String(text, anchor.end(), Math.min(text.length, anchor.end() + CONTEXT) - anchor.end());
        if (!prefix.isEmpty()) {
            out.add(graph, quote, OA.prefix.asNode(), NodeFactory.createLiteralString(prefix));
        }
        if (!suffix.isEmpty()) {
            out.add(graph, quote, OA.suffix.asNode(), NodeFactory.createLiteralString(suffix));
        }
        out.add(graph, position, RDF.type.asNode(), OA.TextPositionSelector.asNode());
        out.add(graph, position, OA.start.asNode(), NodeFactory.createLiteralDT(Integer.toString(anchor.start()), XSDDatatype.XSDnonNegativeInteger));
        out.add(graph, position, OA.end.asNode(), NodeFactory.createLiteralDT(Integer.toString(anchor.end()), XSDDatatype.XSDnonNegativeInteger));
        out.add(graph, position, PSI.offsetUnit, PSI.UnicodeCodePoint);
    }

    static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    /** A short, stable name for a triple: the same statement gets the same IRI in every build. */
    static String hash(Triple t) {
        String nt = NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject());
        return TextFiles.sha256(nt.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static void guard(Problems problems, Runnable step) {
        try {
            step.run();
        } catch (InputException e) {
            problems.addAll(e);
        }
    }
}
