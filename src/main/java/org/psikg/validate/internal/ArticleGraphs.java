package org.psikg.validate.internal;

import java.util.function.BiConsumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Collects the article graphs of a stream sorted by graph and hands each on, whole, when its
 * run of quads ends; quads of the shared graphs are skipped.
 * <pre>
 * ArticleGraphs articles = new ArticleGraphs((id, graph) -&gt; validate(id, graph));
 * RdfFiles.stream(file, new QuadSink(articles::add));
 * articles.flush();
 * </pre>
 */
public final class ArticleGraphs {
    private final BiConsumer<String, Graph> each;
    private Node name;
    private String article;
    private Graph graph;

    public ArticleGraphs(BiConsumer<String, Graph> each) {
        this.each = each;
    }

    public void add(Quad q) {
        if (!q.getGraph().equals(name)) {
            flush();
            name = q.getGraph();
            article = ArticleScope.articleOfGraph(name);
            graph = article == null ? null : GraphFactory.createDefaultGraph();
        }
        if (graph != null) {
            graph.add(q.asTriple());
        }
    }

    /** Hands on the graph being collected, if any. */
    public void flush() {
        if (graph != null) {
            each.accept(article, graph);
        }
        graph = null;
        name = null;
    }
}
