package org.psikg.validate.internal;

import java.util.Set;
import org.apache.jena.graph.Node;
import org.psikg.vocab.PsikgIris;

/**
 * Which article a graph or node belongs to, by psikg's IRIs: article graphs are
 * {@code https://w3id.org/psikg/graph/{id}} (all but the shared ontology, registry and
 * metadata graphs), an article's own nodes are {@code https://w3id.org/psikg/article/{id}}
 * and the nodes below it. Every other node (registry entities, ontology terms, literals) is
 * shared.
 * <pre>
 * ArticleScope.articleOfGraph(PsikgIris.graph("news"));              // "news"
 * ArticleScope.articleOf(PsikgIris.underArticle("news", "a1"));      // "news"
 * </pre>
 */
public final class ArticleScope {
    private static final Set<String> SHARED = Set.of("ontology", "registry", "metadata");

    private ArticleScope() {
    }

    /** The article id of an article graph's name, or {@code null} for a shared graph (or the default graph). */
    public static String articleOfGraph(Node graph) {
        if (graph == null || !graph.isURI() || !graph.getURI().startsWith(PsikgIris.GRAPH)) {
            return null;
        }
        String id = graph.getURI().substring(PsikgIris.GRAPH.length());
        return id.isEmpty() || id.contains("/") || id.contains("#") || SHARED.contains(id) ? null : id;
    }

    /** The article whose own node this is, or {@code null} for a shared node. */
    public static String articleOf(Node n) {
        if (!n.isURI() || !n.getURI().startsWith(PsikgIris.ARTICLE)) {
            return null;
        }
        String rest = n.getURI().substring(PsikgIris.ARTICLE.length());
        int end = rest.indexOf('/');
        String id = end < 0 ? rest : rest.substring(0, end);
        return id.isEmpty() ? null : id;
    }
}
