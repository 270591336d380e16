package org.psikg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The IRI patterns of the brief, in one place:
 * things {@code https://w3id.org/psikg/id/{slug}}, articles
 * {@code https://w3id.org/psikg/article/{id}} (their annotations, statements and local
 * nodes below them), graphs {@code https://w3id.org/psikg/graph/{name}}.
 */
public final class PsikgIris {
    public static final String BASE = "https://w3id.org/psikg/";
    public static final String ID = BASE + "id/";
    public static final String ARTICLE = BASE + "article/";
    public static final String GRAPH = BASE + "graph/";
    public static final Node DATASET = NodeFactory.createURI(BASE + "dataset");
    public static final Node ONTOLOGY_GRAPH = graph("ontology");
    public static final Node REGISTRY_GRAPH = graph("registry");
    public static final Node METADATA_GRAPH = graph("metadata");
    public static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";

    private PsikgIris() {
    }

    public static Node entity(String key) {
        return NodeFactory.createURI(ID + key);
    }

    public static Node article(String articleId) {
        return NodeFactory.createURI(ARTICLE + articleId);
    }

    /** A node of an article's own: an annotation, a statement, a membership, a claim... */
    public static Node underArticle(String articleId, String path) {
        return NodeFactory.createURI(ARTICLE + articleId + "/" + path);
    }

    public static Node graph(String name) {
        return NodeFactory.createURI(GRAPH + name);
    }
}
