package org.psikg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.psikg.rdf.Ontology;

/**
 * Every psi: term has an English and a Russian label and an English definition, and a row
 * of its own in the reference of docs/ontology.md.
 */
class OntologyDocsTest {
    private final Ontology ontology = Ontology.load(Path.of("ontology/psikg.ttl"), "ontology/psikg.ttl");

    @Test
    void everyTermIsLabelledAndDefined() {
        List<String> lacking = ontology.psiLocalNames().stream().filter(n -> {
            Node t = NodeFactory.createURI(PSI.NS + n);
            return !has(t, RDFS.label.asNode(), "en") || !has(t, RDFS.label.asNode(), "ru") || !has(t, SKOS.definition.asNode(), "en");
        }).toList();
        assertEquals(List.of(), lacking, "terms without en and ru labels and an en definition");
    }

    @Test
    void everyTermHasARowInTheDocs() throws Exception {
        String docs = Files.readString(Path.of("docs/ontology.md"));
        List<String> missing = ontology.psiLocalNames().stream().filter(n -> !docs.contains("| `psi:" + n + "` |")).toList();
        assertEquals(List.of(), missing, "terms without a row in docs/ontology.md");
    }

    private boolean has(Node s, Node p, String lang) {
        return ontology.graph().find(s, p, Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().isLiteral() && t.getObject().getLiteralLanguage().equals(lang));
    }
}
