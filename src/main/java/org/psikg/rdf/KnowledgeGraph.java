package org.psikg.rdf;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.corpus.Corpus;
import org.psikg.corpus.CorpusReader;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;
import org.psikg.vocab.PROV;
import org.psikg.vocab.PsikgIris;

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

    /** The ontology's prefixes, the W3C vocabularies the data uses, and {@code id:} for entities. */
    public PrefixMapping prefixes() {
        PrefixMapping p = PrefixMapping.Factory.create();
        p.setNsPrefixes(PrefixMapping.Standard);
        p.setNsPrefix("oa", OA.NS);
        p.setNsPrefix("prov", PROV.NS);
        p.setNsPrefix("void", VOID.NS);
        p.setNsPrefix("dcat", DCAT.NS);
        p.setNsPrefix("dcterms", DCTerms.NS);
        p.setNsPrefix("skos", SKOS.uri);
        p.setNsPrefixes(ontology.prefixes());
        p.setNsPrefix("id", PsikgIris.ID);
        return p;
    }

    /** Quads per named graph, in graph IRI order. */
    public Map<String, Long> quadsPerGraph() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        dataset.listGraphNodes().forEachRemaining((Node g) -> counts.put(g.getURI(), (long) dataset.getGraph(g).size()));
        return new LinkedHashMap<>(counts);
    }
}
