package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        assertEquals(Optional.empty(), QueryGuard.refusal(QueryFactory.create(q, Syntax.syntaxARQ), QueryLimits.defaults(), true));
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
        assertEquals(Optional.empty(), QueryGuard.refusal(QueryFactory.create(q, Syntax.syntaxARQ), QueryLimits.defaults(), false));
    }

    /** Every query psikg ships (the competency questions, the UI's examples, the server's own) passes the gate. */
    @Test
    void everyShippedQueryPasses() throws IOException {
        List<Path> files;
        try (var walk = Files.walk(Path.of("."))) {
            files = walk.filter(p -> p.toString().endsWith(".rq") && !p.toString().contains("target")
                    && !p.toString().contains("hostile") && !p.toString().contains("bad-input")
                    && !p.toString().contains("check-queries")).toList();
        }
        assertTrue(files.size() > 20, files.toString());
        for (Path f : files) {
            String text = Files.readString(f);
            assertEquals(Optional.empty(), QueryService.strictSyntax(text), f.toString());
            Query q = QueryFactory.create(text, Syntax.syntaxARQ);
            assertEquals(Optional.empty(), QueryGuard.refusal(q, QueryLimits.defaults(), false), f.toString());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> ASK { FILTER(fn:matches('a', 'a')) }|not allowed",
        "PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT (afn:now() AS ?t) {}|not allowed",
        "SELECT * { ?s ?p ?o } ORDER BY <java:org.example.F>(?o)|not allowed",
        "SELECT (CALL(<http://example.org/f>) AS ?x) {}|dynamic function calls",
        "SELECT (MEDIAN(?o) AS ?m) { ?s ?p ?o }|aggregates",
        "SELECT (AGG <http://example.org/agg>(?o) AS ?m) { ?s ?p ?o }|aggregates",
        "PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT * { ?x apf:strSplit ('a b' ' ') }|property functions",
        "PREFIX list: <http://jena.apache.org/ARQ/list#> SELECT * { ?l list:member ?m }|property functions",
        "SELECT * { ?s <http://example.org/p>{2,9} ?o }|counted property path",
        "SELECT * { ?s (<http://example.org/p>{3}){3} ?o }|counted property path",
        "ASK { FILTER EXISTS { FILTER EXISTS { FILTER EXISTS { FILTER EXISTS { FILTER EXISTS { FILTER EXISTS { FILTER NOT EXISTS { ?s ?p ?o } } } } } } } }|nest more than",
        "JSON { 'a': ?s } WHERE { ?s ?p ?o }|JSON query form",
    })
    void eachRuleNamesItself(String q, String reason) {
        Optional<String> r = QueryGuard.refusal(QueryFactory.create(q, Syntax.syntaxARQ), QueryLimits.defaults(), true);
        assertTrue(r.orElseThrow(() -> new AssertionError("passed: " + q)).contains(reason), r.get());
    }

    @Test
    void theLimitsThemselvesPass() {
        String six = "ASK { " + "FILTER EXISTS { ".repeat(6) + "?s ?p ?o " + "} ".repeat(6) + "}";
        String counted = "SELECT * { ?s (<http://example.org/p>{0,2}){0,4} ?o }";
        String values = "SELECT * { VALUES ?x { " + "1 ".repeat(10_000) + "} }";
        String casts = "SELECT (<http://www.w3.org/2001/XMLSchema#integer>('1') AS ?i) (GROUP_CONCAT(DISTINCT ?o) AS ?g)"
                + " (SAMPLE(?o) AS ?x) { ?s ?p ?o } GROUP BY ?s";
        String member = "SELECT * { ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#member> ?o }";
        for (String q : List.of(six, counted, values, casts, member)) {
            assertEquals(Optional.empty(), QueryGuard.refusal(QueryFactory.create(q, Syntax.syntaxARQ), QueryLimits.defaults(),
                    false), q);
        }
    }
}
