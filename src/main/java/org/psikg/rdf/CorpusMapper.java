package org.psikg.rdf;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.psikg.corpus.Article;
import org.psikg.corpus.Corpus;
import org.psikg.error.Problems;
import org.psikg.rdf.internal.ArticleMapper;
import org.psikg.rdf.internal.CrossReferences;
import org.psikg.rdf.internal.MetadataMapper;
import org.psikg.rdf.internal.RegistryMapper;
import org.psikg.vocab.PsikgIris;

/**
 * Turns a read corpus into the psikg dataset: the ontology, registry and metadata graphs
 * and one graph per article.
 * <pre>
 * Ontology ontology = Ontology.load(Path.of("ontology/psikg.ttl"), "ontology/psikg.ttl");
 * DatasetGraph dsg = CorpusMapper.map(CorpusReader.read(Path.of("seeds")), ontology);
 * </pre>
 * Throws an {@link org.psikg.error.InputException} listing every statement that names an
 * unknown entity or term or has a malformed value.
 */
public final class CorpusMapper {
    private CorpusMapper() {
    }

    public static DatasetGraph map(Corpus corpus, Ontology ontology) {
        DatasetGraph out = DatasetGraphFactory.create();
        Problems problems = new Problems();
        ontology.graph().find().forEach(t -> out.add(PsikgIris.ONTOLOGY_GRAPH, t.getSubject(), t.getPredicate(), t.getObject()));
        RegistryMapper.map(corpus.registry(), ontology, out, problems);
        CrossReferences crossReferences = new CrossReferences();
        ArticleMapper articles = new ArticleMapper(ontology, corpus.registry(), crossReferences);
        for (Article article : corpus.articles()) {
            articles.map(article, out, problems);
        }
        crossReferences.check(out, corpus.articles().stream().map(Article::id).collect(java.util.stream.Collectors.toSet()), problems);
        problems.throwIfAny();
        MetadataMapper.map(corpus.articles(), out);
        return out;
    }
}
