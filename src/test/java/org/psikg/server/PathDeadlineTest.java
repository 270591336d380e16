package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code *} or {@code +} path stops at the query's deadline inside its evaluation, not
 * only between its solutions: over a chain of 5,000 links, whose closure ARQ computes whole
 * before the first solution, the deadline is made to pass at the 100th read of the graph, and
 * the query must stop there rather than read the other 4,900 links.
 */
class PathDeadlineTest {
    private static final int LINKS = 5_000;
    private static final int DEADLINE_AT = 100;
    private static final Node P = NodeFactory.createURI("urn:p");

    @AfterEach
    void clear() {
        QueryBudget.clear();
    }

    /** A chain n0 p n1 p n2 ... whose reads are counted; at the given read the query's deadline passes. */
    private static Graph chain(AtomicInteger reads, int deadlineAt) {
        Graph g = GraphFactory.createDefaultGraph();
        for (int i = 0; i < LINKS; i++) {
            g.add(Triple.create(NodeFactory.createURI("urn:n" + i), P, NodeFactory.createURI("urn:n" + (i + 1))));
        }
        return new WrappedGraph(g) {
            @Override
            public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
                if (reads.incrementAndGet() == deadlineAt) {
                    QueryBudget.start(System.nanoTime() - 1, Integer.MAX_VALUE);
                }
                return super.find(s, p, o);
            }
        };
    }

    private static long run(Graph g, String query) {
        QueryBudget.start(System.nanoTime() + 3_600_000_000_000L, Integer.MAX_VALUE);
        Context context = new Context();
        Registries.restrict(context);
        RowSet rows = QueryExec.graph(g).query(query).context(context).select();
        long n = 0;
        for (; rows.hasNext(); rows.next()) {
            n++;
        }
        return n;
    }

    @Test
    void aStarPathStopsBetweenItsSteps() {
        for (String query : new String[] {"SELECT * { <urn:n0> <urn:p>* ?o }", "SELECT * { <urn:n0> <urn:p>+ ?o }",
            "SELECT * { ?s (<urn:p>|^<urn:p>)+ <urn:n0> }"}) {
            AtomicInteger reads = new AtomicInteger();
            Graph g = chain(reads, DEADLINE_AT);
            assertThrows(QueryCancelledException.class, () -> run(g, query), query);
            assertTrue(reads.get() <= DEADLINE_AT + 2, query + ": " + reads.get() + " reads of the graph after the deadline passed at "
                    + DEADLINE_AT + " (of the " + LINKS + " the closure needs)");
        }
    }

    @Test
    void withoutTheDeadlinePassingThePathIsWhole() {
        AtomicInteger reads = new AtomicInteger();
        assertEquals(LINKS + 1, run(chain(reads, -1), "SELECT * { <urn:n0> <urn:p>* ?o }"));
    }
}
