package org.psikg.rdf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.psikg.corpus.Suggest;
import org.psikg.corpus.Token;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.Problems;
import org.psikg.vocab.PsikgIris;

/**
 * References from one article to a node of another ({@code ARTICLE-ID/KEY}, as when a claim
 * contradicts another source's claim). They can only be checked once every article is
 * mapped: the article must exist and give the node a class.
 */
public final class CrossReferences {
    private record Ref(Token token, String articleId, String key) {
    }

    private final List<Ref> refs = new ArrayList<>();

    Node add(Token token) {
        int slash = token.text().indexOf('/');
        Ref ref = new Ref(token, token.text().substring(0, slash), token.text().substring(slash + 1));
        refs.add(ref);
        return PsikgIris.underArticle(ref.articleId(), ref.key());
    }

    /** Takes over {@code other}'s references (one article's, mapped on its own by the streaming build). */
    public void addAll(CrossReferences other) {
        refs.addAll(other.refs);
    }

    /** The ids of the articles referred to: the only ones whose nodes {@link #check} asks about. */
    public Set<String> articleIds() {
        return refs.stream().map(Ref::articleId).collect(Collectors.toCollection(TreeSet::new));
    }

    public void check(DatasetGraph dsg, Set<String> articleIds, Problems problems) {
        check(articleIds, (graph, node) -> dsg.contains(graph, node, RDF.type.asNode(), Node.ANY), problems);
    }

    /** As {@link #check(DatasetGraph, Set, Problems)}, asking {@code typed} whether a node has a class in a graph. */
    public void check(Set<String> articleIds, BiPredicate<Node, Node> typed, Problems problems) {
        for (Ref ref : refs) {
            if (!articleIds.contains(ref.articleId())) {
                String near = Suggest.nearest(ref.articleId(), articleIds);
                problems.add(InputError.of(ref.token().location(), ErrorCode.UNKNOWN_ARTICLE,
                        "no article with id '" + ref.articleId() + "'").withHint(near != null ? "did you mean '" + near + "'?"
                        : "articles: " + String.join(", ", articleIds.stream().sorted().toList())));
            } else if (!typed.test(PsikgIris.graph(ref.articleId()), PsikgIris.underArticle(ref.articleId(), ref.key()))) {
                problems.add(InputError.of(ref.token().location(), ErrorCode.UNTYPED_NODE, "article '" + ref.articleId()
                        + "' declares no node '" + ref.key() + "'").withHint("check the key against its nodes:"));
            }
        }
    }
}
