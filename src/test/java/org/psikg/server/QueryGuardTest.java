package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the server refuses before running a query, wherever in the query it hides. */
class QueryGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
        "SELECT * { ?x ?y ?z OPTIONAL { SERVICE SILENT <http://127.0.0.1:1/> { ?s ?p ?o } } }",
        "ASK { FILTER NOT EXISTS { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } }",
        "SELECT (EXISTS { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } AS ?b) {}",
        "SELECT * { { SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } } } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
        "SELECT * { BIND(<http://127.0.0.1:1/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
        "SELECT * { ?s ?p ?o } ORDER BY (EXISTS { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } })",
    })
    void serviceIsRefused(String q) {
        assertTrue(QueryGuard.refusal(QueryFactory.create(q, Syntax.syntaxARQ), QueryLimits.defaults(), false).orElseThrow().contains("SERVICE"));
        assertEquals(java.util.Optional.empty(), QueryGuard.refusal(QueryFactory.create(q, Syntax.syntaxARQ), QueryLimits.defaults(), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "PREFIX js: <http://jena.apache.org/ARQ/jsFunction#> SELECT (js:f(1) AS ?x) {}",
        "SELECT * { ?s ?p ?o FILTER(<http://jena.apache.org/ARQ/jsFunction#f>(?o)) }",
        "SELECT * { ?s ?p ?o } ORDER BY <http://jena.apache.org/ARQ/jsFunction#f>(?o)",
        "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s HAVING (<http://jena.apache.org/ARQ/jsFunction#f>(?n))",
        "ASK { FILTER EXISTS { ?s ?p ?o FILTER(<http://jena.apache.org/ARQ/jsFunction#f>(?o)) } }",
        "SELECT (SUM(<http://jena.apache.org/ARQ/jsFunction#f>(?o)) AS ?n) { ?s ?p ?o }",
        "SELECT ?s { ?s ?p ?o } ORDER BY DESC(<http://jena.apache.org/ARQ/jsFunction#f>(?o)) LIMIT 3",
        "SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o FILTER(<http://jena.apache.org/ARQ/jsFunction#f>(?o)) } }",
    })
    void scriptFunctionsAreRefused(String q) {
        assertTrue(QueryGuard.refusal(QueryFactory.create(q, Syntax.syntaxARQ), QueryLimits.defaults(), true).orElseThrow().contains("script"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * { ?s ?p ?o }",
        "DESCRIBE <https://w3id.org/psikg/id/russia>",
        "SELECT * { ?s ?p ?o FILTER(STRLEN(?o) > 3) }",
    })
    void ordinaryQueriesPass(String q) {
        assertEquals(java.util.Optional.empty(), QueryGuard.refusal(QueryFactory.create(q, Syntax.syntaxARQ), QueryLimits.defaults(), false));
    }
}
