package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase0;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.Test;

/**
 * The served queries' registries hold nothing beyond the allow-list: a {@code java:} IRI
 * loads no class and a property function is a plain predicate, even for a query that did
 * not pass the gate. Each check has its control, ARQ's own registries, where the same
 * query does load the class and does split the string.
 */
class RegistriesTest {
    static final AtomicBoolean RESTRICTED_LOADED = new AtomicBoolean();
    static final AtomicBoolean CONTROL_LOADED = new AtomicBoolean();

    public static final class Restricted extends FunctionBase0 {
        static {
            RESTRICTED_LOADED.set(true);
        }

        @Override
        public NodeValue exec() {
            return NodeValue.makeString("ran");
        }
    }

    public static final class Control extends FunctionBase0 {
        static {
            CONTROL_LOADED.set(true);
        }

        @Override
        public NodeValue exec() {
            return NodeValue.makeString("ran");
        }
    }

    private static RowSet run(String query, boolean restricted) {
        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        Context context = new Context();
        if (restricted) {
            Registries.restrict(context);
        }
        return QueryExec.newBuilder().dataset(ds).query(QueryFactory.create(query, Syntax.syntaxARQ)).context(context)
                .build().select().materialize();
    }

    @Test
    void javaIrisLoadNoClass() {
        RowSet r = run("SELECT (<java:" + Restricted.class.getName() + ">() AS ?x) {}", true);
        assertFalse(r.next().contains("x"), "the function ran");
        assertFalse(RESTRICTED_LOADED.get(), "the class was loaded");

        RowSet c = run("SELECT (<java:" + Control.class.getName() + ">() AS ?x) {}", false);
        assertEquals(NodeFactory.createLiteralString("ran"), c.next().get("x"));
        assertTrue(CONTROL_LOADED.get());
    }

    @Test
    void propertyFunctionsAreOnlyPredicates() {
        String split = "PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT ?part { ?part apf:strSplit (\"a,b\" \",\") }";
        assertFalse(run(split, true).hasNext(), "apf:strSplit ran");
        assertEquals(2, run(split, false).rewindable().size(), "the control: ARQ's registry splits the string");
    }

    @Test
    void theXsdCastsStillWork() {
        RowSet r = run("SELECT (<http://www.w3.org/2001/XMLSchema#integer>(\"42\") AS ?x) {}", true);
        assertEquals(42, r.next().get("x").getLiteralValue());
    }
}
