package org.psikg.rdf.internal;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.psikg.corpus.Entity;
import org.psikg.corpus.Registry;
import org.psikg.corpus.Token;
import org.psikg.error.InputException;
import org.psikg.error.Problems;
import org.psikg.rdf.Ontology;
import org.psikg.vocab.PSI;
import org.psikg.vocab.PsikgIris;

/** Writes the registry graph: each entity's classes, labels, notes and Wikidata link. */
public final class RegistryMapper {
    private RegistryMapper() {
    }

    public static void map(Registry registry, Ontology ontology, DatasetGraph out, Problems problems) {
        Node graph = PsikgIris.REGISTRY_GRAPH;
        TermResolver terms = new TermResolver(ontology, registry, "registry", "en", new CrossReferences());
        for (Entity e : registry.entities().values()) {
            Node s = PsikgIris.entity(e.key());
            for (Token type : e.types()) {
                try {
                    out.add(graph, s, RDF.type.asNode(), terms.type(type));
                } catch (InputException ex) {
                    problems.addAll(ex);
                }
            }
            e.labels().forEach((lang, label) -> out.add(graph, s, RDFS.label.asNode(), NodeFactory.createLiteralLang(label, lang)));
            for (Map.Entry<String, List<String>> alt : e.alt().entrySet()) {
                alt.getValue().forEach(v -> out.add(graph, s, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang(v, alt.getKey())));
            }
            if (e.note() != null) {
                out.add(graph, s, SKOS.scopeNote.asNode(), NodeFactory.createLiteralLang(e.note(), "en"));
            }
            out.add(graph, s, PSI.sourceFile, NodeFactory.createLiteralString(e.sourceFile()));
            out.add(graph, s, PSI.sourceLine, ArticleMapper.integer(e.location().line()));
            if (e.wikidata() != null) {
                out.add(graph, s, OWL.sameAs.asNode(), NodeFactory.createURI(PsikgIris.WIKIDATA_ENTITY + e.wikidata()));
            }
        }
    }
}
