package org.psikg.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.path.P_Alt;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementPathBlock;

/**
 * Random basic graph patterns over a dataset, for the differential oracle: each is a walk of
 * one to {@link #MAX_PATTERNS} connected triples of the data (so it has an answer), some of
 * whose terms become variables; some predicates become an alternative of two ({@code p|q}),
 * some walks stay inside one named graph and are asked inside {@code GRAPH}. The same seed
 * over the same data draws the same queries. A pattern with more than {@link #MAX_ROWS}
 * answers is drawn again, so that each stays a quick request.
 * <pre>
 * List&lt;Query&gt; qs = RandomPatterns.draw(dsg, RandomPatterns.SEED, RandomPatterns.COUNT);
 * </pre>
 */
public final class RandomPatterns {
    public static final long SEED = 13;
    public static final int COUNT = 200;
    public static final int MAX_PATTERNS = 4;
    public static final int MAX_ROWS = 5000;

    private final DatasetGraph dsg;
    private final Random random;
    private final List<Node> graphs;
    private final List<Node> predicates;
    private final Map<Node, Var> vars = new LinkedHashMap<>();
    private final Map<Node, List<Triple>> triples = new HashMap<>();

    private RandomPatterns(DatasetGraph dsg, long seed) {
        this.dsg = dsg;
        this.random = new Random(seed);
        this.graphs = sorted(dsg.listGraphNodes());
        this.predicates = sorted(dsg.getDefaultGraph().find().mapWith(Triple::getPredicate));
    }

    /** {@code count} distinct queries with at most {@link #MAX_ROWS} answers each on {@code dsg}. */
    public static List<Query> draw(DatasetGraph dsg, long seed, int count) {
        RandomPatterns gen = new RandomPatterns(dsg, seed);
        Set<String> seen = new HashSet<>();
        List<Query> out = new ArrayList<>();
        for (int attempt = 0; out.size() < count; attempt++) {
            if (attempt > count * 20) {
                throw new IllegalStateException("only " + out.size() + " of " + count + " patterns in " + attempt + " attempts");
            }
            Query q = gen.next();
            if (seen.add(q.serialize()) && !moreThan(dsg, q, MAX_ROWS)) {
                out.add(q);
            }
        }
        return out;
    }

    /** Whether {@code q} has more than {@code max} answers on {@code dsg}, asking for no more than that. */
    private static boolean moreThan(DatasetGraph dsg, Query q, int max) {
        Query probe = q.cloneQuery();
        probe.setLimit(max + 1L);
        try (QueryExecution qe = QueryExecution.create(probe, DatasetFactory.wrap(dsg))) {
            ResultSet rs = qe.execSelect();
            int n = 0;
            while (rs.hasNext() && n <= max) {
                rs.next();
                n++;
            }
            return n > max;
        }
    }

    private Query next() {
        vars.clear();
        boolean inGraph = random.nextInt(4) == 0;
        Node graphName = graphs.get(random.nextInt(graphs.size()));
        Node which = inGraph ? graphName : Quad.defaultGraphIRI;
        Graph graph = inGraph ? dsg.getGraph(graphName) : dsg.getDefaultGraph();
        List<Triple> walk = walk(which, graph, 1 + random.nextInt(MAX_PATTERNS));

        Set<Node> constants = new HashSet<>();
        for (Triple t : walk) {
            for (Node n : List.of(t.getSubject(), t.getObject())) {
                if (random.nextInt(10) < 4) {
                    constants.add(n);
                }
            }
        }
        if (constants.isEmpty()) {
            constants.add(walk.get(0).getObject());
        }
        ElementPathBlock block = new ElementPathBlock();
        for (Triple t : walk) {
            Node s = term(t.getSubject(), constants);
            Node o = term(t.getObject(), constants);
            int dice = random.nextInt(10);
            if (dice < 2) {
                block.addTriple(Triple.create(s, variable(t.getPredicate(), "p"), o));
            } else if (dice < 4) {
                Node other = predicates.get(random.nextInt(predicates.size()));
                Path path = random.nextBoolean() ? new P_Alt(new P_Link(t.getPredicate()), new P_Link(other))
                        : new P_Alt(new P_Link(other), new P_Link(t.getPredicate()));
                block.addTriplePath(new TriplePath(s, path, o));
            } else {
                block.addTriple(Triple.create(s, t.getPredicate(), o));
            }
        }
        ElementGroup group = new ElementGroup();
        if (inGraph) {
            group.addElement(new ElementNamedGraph(random.nextBoolean() ? Var.alloc("g") : graphName, block));
        } else {
            group.addElement(block);
        }
        Query q = new Query();
        q.setQuerySelectType();
        q.setQueryResultStar(true);
        q.setQueryPattern(group);
        return q;
    }

    /**
     * Connected triples of {@code graph}: a random start, then triples touching a node already
     * reached. Triples with a blank node are left out: a blank node cannot be a constant, and
     * its label, which differs from run to run, would change the order the draws come from.
     */
    private List<Triple> walk(Node which, Graph graph, int length) {
        List<Triple> all = triples.computeIfAbsent(which, w -> sorted(graph.find().filterDrop(RandomPatterns::hasBlank)));
        List<Triple> walk = new ArrayList<>();
        walk.add(all.get(random.nextInt(all.size())));
        while (walk.size() < length) {
            List<Node> reached = new ArrayList<>(new LinkedHashSet<>(walk.stream()
                    .flatMap(t -> Stream.of(t.getSubject(), t.getObject())).toList()));
            Node from = reached.get(random.nextInt(reached.size()));
            Set<Triple> next = new HashSet<>(graph.find(from, Node.ANY, Node.ANY).toList());
            next.addAll(graph.find(Node.ANY, Node.ANY, from).toList());
            next.removeAll(walk);
            next.removeIf(RandomPatterns::hasBlank);
            if (next.isEmpty()) {
                break;
            }
            List<Triple> options = sorted(next);
            walk.add(options.get(random.nextInt(options.size())));
        }
        return walk;
    }

    private Node term(Node n, Set<Node> constants) {
        return constants.contains(n) ? n : variable(n, "v");
    }

    private Var variable(Node n, String prefix) {
        return vars.computeIfAbsent(n, k -> Var.alloc(prefix + vars.size()));
    }

    private static boolean hasBlank(Triple t) {
        return t.getSubject().isBlank() || t.getObject().isBlank();
    }

    /** The distinct elements in the order of their N-Triples form. */
    private static <T> List<T> sorted(Iterator<T> it) {
        Set<T> distinct = new HashSet<>();
        it.forEachRemaining(distinct::add);
        return sorted(distinct);
    }

    private static <T> List<T> sorted(Set<T> distinct) {
        Map<String, T> byKey = new TreeMap<>();
        distinct.forEach(t -> byKey.put(key(t), t));
        return new ArrayList<>(byKey.values());
    }

    private static String key(Object o) {
        return o instanceof Triple t ? NodeFmtLib.strNT(t) : NodeFmtLib.strNT((Node) o);
    }
}
