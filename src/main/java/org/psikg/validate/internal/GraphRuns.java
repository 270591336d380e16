package org.psikg.validate.internal;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * Whether a stream of quads is sorted by graph, as psikg's dumps are: each graph's quads in
 * one run, never resumed after another graph's.
 * <pre>
 * GraphRuns runs = new GraphRuns();
 * quads.forEach(q -> runs.see(q.getGraph()));
 * runs.sorted();
 * </pre>
 */
public final class GraphRuns {
    private final Set<Node> done = new HashSet<>();
    private Node current;
    private boolean sorted = true;

    public void see(Node graph) {
        if (!Objects.equals(graph, current)) {
            if (current != null) {
                done.add(current);
            }
            sorted &= !done.contains(graph);
            current = graph;
        }
    }

    public boolean sorted() {
        return sorted;
    }
}
