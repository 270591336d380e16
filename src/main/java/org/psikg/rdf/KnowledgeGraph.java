package org.psikg.rdf;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.corpus.Corpus;
import org.psikg.corpus.CorpusReader;
import org.psikg.vocab.Prefixes;

/**
 * The built graph and what it was built from. The one entry point for "seeds to RDF":
 * <pre>
 * KnowledgeGraph kg = KnowledgeGraph.build(Path.of("seeds"), Path.of("ontology/psikg.ttl"));
 * DatasetWriter.of(kg.dataset(), kg.prefixes()).writeAll(trig, nquads);
 * </pre>
 */
public record KnowledgeGraph(Corpus corpus, Ontology ontology, DatasetGraph dataset) {

    public static KnowledgeGraph build(Path seeds, Path ontologyFile) {
        Ontology ontology = Ontology.load(ontologyFile, ontologyFile.toString());
        Corpus corpus = CorpusReader.read(seeds);
        return new KnowledgeGraph(corpus, ontology, CorpusMapper.map(corpus, ontology));
    }

    /** The common prefixes of psikg and those of the ontology file. */
    public PrefixMapping prefixes() {
        PrefixMapping p = Prefixes.common();
        p.setNsPrefixes(ontology.prefixes());
        return p;
    }

    /** Quads per named graph, in graph IRI order. */
    public Map<String, Long> quadsPerGraph() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        dataset.listGraphNodes().forEachRemaining((Node g) -> counts.put(g.getURI(), (long) dataset.getGraph(g).size()));
        return new LinkedHashMap<>(counts);
    }
}
