package org.psikg.rdf.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.psikg.corpus.Registry;
import org.psikg.corpus.Slugs;
import org.psikg.corpus.Suggest;
import org.psikg.corpus.Token;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Problems;
import org.psikg.rdf.Ontology;
import org.psikg.rdf.ValueKind;
import org.psikg.vocab.PSI;
import org.psikg.vocab.PsikgIris;

/**
 * Resolves the words of an article's annotations to RDF terms: registry keys to
 * {@code id/} IRIs, {@code this:KEY} to the article's own nodes, {@code ARTICLE-ID/KEY} to
 * another article's nodes (as objects only), local names and prefixed
 * names to ontology terms, and literals by the predicate's range. Unknown words are errors
 * with the nearest known word as a hint.
 */
public final class TermResolver {
    private static final String LOCAL = "this:";
    private static final java.util.regex.Pattern OTHER_ARTICLE = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> RESERVED_NODE_KEYS = Set.of("annotation", "statement");

    private final Ontology ontology;
    private final Registry registry;
    private final String articleId;
    private final String language;
    private final Map<String, Token> localUses = new LinkedHashMap<>();
    private final Set<String> localTyped = new HashSet<>();
    private final CrossReferences crossReferences;

    public TermResolver(Ontology ontology, Registry registry, String articleId, String language, CrossReferences crossReferences) {
        this.crossReferences = crossReferences;
        this.ontology = ontology;
        this.registry = registry;
        this.articleId = articleId;
        this.language = language;
    }

    /** A registry entity, named by its key. */
    public Node entity(Token t) {
        if (registry.contains(t.text())) {
            return PsikgIris.entity(t.text());
        }
        throw unknownEntity(t);
    }

    public Node subject(Token t) {
        return t.text().startsWith(LOCAL) ? local(t) : entity(t);
    }

    public Node predicate(Token t) {
        Node p = t.text().equals("a") ? RDF.type.asNode() : term(t);
        if (ontology.valueKind(p).isEmpty()) {
            throw unknownTerm(t, "property");
        }
        return p;
    }

    public Node object(Node predicate, Token t) {
        ValueKind kind = ontology.valueKind(predicate).orElseThrow();
        if (kind != ValueKind.THING) {
            return Literals.literal(t, kind, language);
        }
        if (predicate.equals(RDF.type.asNode())) {
            return type(t);
        }
        if (t.text().startsWith(LOCAL)) {
            return local(t);
        }
        if (OTHER_ARTICLE.matcher(t.text()).matches()) {
            return crossReferences.add(t);
        }
        if (!t.text().contains(":") && registry.contains(t.text())) {
            return PsikgIris.entity(t.text());
        }
        Node n = term(t);
        if (ontology.isIndividual(n) || ontology.isClass(n)) {
            return n;
        }
        throw t.text().contains(":") || Character.isUpperCase(t.text().codePointAt(0)) ? unknownTerm(t, "individual or class")
                : unknownEntity(t);
    }

    /** A class of the ontology, by local name or prefixed name. */
    public Node type(Token t) {
        Node n = term(t);
        if (!ontology.isClass(n)) {
            throw unknownTerm(t, "class");
        }
        return n;
    }

    /** Notes that {@code subject} was given a type, so that untyped local nodes can be reported. */
    public void typed(Token subject) {
        if (subject.text().startsWith(LOCAL)) {
            localTyped.add(subject.text());
        }
    }

    /** Reports every {@code this:KEY} that is used but never given a class with {@code a}. */
    public void checkLocalNodes(Problems problems) {
        localUses.forEach((key, first) -> {
            if (!localTyped.contains(key)) {
                String near = Suggest.nearest(key, localTyped);
                InputError e = InputError.of(first.location(), ErrorCode.UNTYPED_NODE, "'" + key + "' is used but never declared with 'a'");
                problems.add(e.withHint(near != null ? "did you mean '" + near + "'?" : "declare it under 'nodes:' with its class"));
            }
        });
    }

    private Node local(Token t) {
        String key = t.text().substring(LOCAL.length());
        Slugs.check(new Token(key, t.location()), "node key");
        if (RESERVED_NODE_KEYS.contains(key)) {
            throw new InputException(InputError.of(t.location(), ErrorCode.RESERVED_ID, "node key '" + key + "' is reserved"));
        }
        localUses.putIfAbsent(t.text(), t);
        return PsikgIris.underArticle(articleId, key);
    }

    /** A bare local name is a psi: term (or the one other term so named); a prefixed name uses the ontology's prefixes. */
    private Node term(Token t) {
        String s = t.text();
        int colon = s.indexOf(':');
        if (colon < 0) {
            return ontology.byLocalName(s).orElse(PSI.term(s));
        }
        String ns = ontology.prefixes().getNsPrefixURI(s.substring(0, colon));
        if (ns == null) {
            throw new InputException(InputError.of(t.location(), ErrorCode.UNKNOWN_PREFIX, "unknown prefix '" + s.substring(0, colon)
                    + ":'").withHint("prefixes are those of ontology/psikg.ttl"));
        }
        return NodeFactory.createURI(ns + s.substring(colon + 1));
    }

    private InputException unknownEntity(Token t) {
        InputError e = InputError.of(t.location(), ErrorCode.UNKNOWN_ENTITY, "unknown entity key '" + t.text() + "'");
        String near = Suggest.nearest(t.text(), registry.entities().keySet());
        return new InputException(e.withHint(near != null ? "did you mean '" + near + "'?" : "declare it in the registry (seeds/registry/)"));
    }

    private InputException unknownTerm(Token t, String what) {
        InputError e = InputError.of(t.location(), ErrorCode.UNKNOWN_TERM, "'" + t.text() + "' is not a " + what + " of the ontology");
        String near = Suggest.nearest(t.text(), new TreeSet<>(ontology.psiLocalNames()));
        return new InputException(e.withHint(near != null ? "did you mean '" + near + "'?" : "see docs/ontology.md for the terms"));
    }
}
