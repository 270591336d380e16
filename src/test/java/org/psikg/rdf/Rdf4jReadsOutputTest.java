package org.psikg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psikg.support.SeedBuild;

/**
 * RDF4J Rio, a second and independent toolkit, reads what Jena wrote (TriG and N-Quads) and
 * finds the same quads: the two datasets are isomorphic (blank nodes only in the ontology).
 */
class Rdf4jReadsOutputTest {
    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    @ParameterizedTest
    @ValueSource(strings = {"psikg.trig", "psikg.nq"})
    void rdf4jFindsTheSameQuads(String file) throws Exception {
        DatasetGraph jena = SeedBuild.dataset();
        Model rdf4j;
        Path path = SeedBuild.DIR.resolve(file);
        try (InputStream in = Files.newInputStream(path)) {
            rdf4j = Rio.parse(in, "", file.endsWith(".nq") ? RDFFormat.NQUADS : RDFFormat.TRIG);
        }
        Model fromJena = new LinkedHashModel();
        jena.find().forEachRemaining(q -> fromJena.add((Resource) value(q.getSubject()),
                VF.createIRI(q.getPredicate().getURI()), value(q.getObject()), (Resource) value(q.getGraph())));
        assertEquals(fromJena.size(), rdf4j.size(), "number of quads");
        assertTrue(Models.isomorphic(fromJena, rdf4j), "RDF4J's reading of " + file + " is not isomorphic to Jena's dataset");
    }

    private static Value value(Node n) {
        if (n.isURI()) {
            return VF.createIRI(n.getURI());
        }
        if (n.isBlank()) {
            return VF.createBNode(n.getBlankNodeLabel());
        }
        if (!n.getLiteralLanguage().isEmpty()) {
            return VF.createLiteral(n.getLiteralLexicalForm(), n.getLiteralLanguage());
        }
        return VF.createLiteral(n.getLiteralLexicalForm(), VF.createIRI(n.getLiteralDatatypeURI()));
    }
}
