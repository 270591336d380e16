package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryEvaluationException;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RDF4J's SPARQLRepository, a client that shares no code with Jena, against the real server. */
class Rdf4jClientTest {
    private static SPARQLRepository repository;

    @BeforeAll
    static void connect() {
        repository = new SPARQLRepository(TestServer.url() + "/psikg/sparql");
        repository.init();
    }

    @AfterAll
    static void disconnect() {
        repository.shutDown();
    }

    @Test
    void selectSeesEveryNamedGraph() {
        Map<String, Long> counts = new TreeMap<>();
        try (RepositoryConnection c = repository.getConnection();
             TupleQueryResult rows = c.prepareTupleQuery(
                     "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").evaluate()) {
            for (BindingSet row : rows) {
                counts.put(row.getValue("g").stringValue(), Long.parseLong(row.getValue("n").stringValue()));
            }
        }
        assertEquals(TestServer.graph().quadsPerGraph(), counts);
    }

    @Test
    void constructAndAsk() {
        try (RepositoryConnection c = repository.getConnection()) {
            Model m = new LinkedHashModel();
            c.prepareGraphQuery("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/psikg/graph/registry> { ?s ?p ?o } }")
                    .evaluate().forEach(m::add);
            assertEquals(TestServer.graph().quadsPerGraph().get("https://w3id.org/psikg/graph/registry").intValue(), m.size());
            assertTrue(c.prepareBooleanQuery("ASK { <https://w3id.org/psikg/id/eaeu> a ?type }").evaluate());
        }
    }

    @Test
    void refusalsReachTheClientAsErrors() {
        try (RepositoryConnection c = repository.getConnection()) {
            QueryEvaluationException cap = assertThrows(QueryEvaluationException.class, () -> {
                try (TupleQueryResult rows = c.prepareTupleQuery("SELECT * WHERE { ?s ?p ?o }").evaluate()) {
                    rows.forEach(row -> { });
                }
            });
            assertTrue(cap.getMessage().contains("row cap"), cap.getMessage());
            assertThrows(RuntimeException.class, () -> c.prepareUpdate(
                    "INSERT DATA { <http://example.org/s> <http://example.org/p> <http://example.org/o> }").execute());
        }
    }
}
