package org.psikg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/**
 * The server's own SPARQL: the .rq files beside this class (src/main/resources/org/psikg/server),
 * parsed once, run with their variables bound by name, never built by concatenation.
 * <pre>
 * List&lt;Binding&gt; rows = ServerQueries.select(dsg, "evidence.rq", Map.of("thing", iri));
 * </pre>
 * Callers hold a read transaction on {@code dsg}.
 */
public final class ServerQueries {
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private ServerQueries() {
    }

    /** The text of a query file. */
    public static String text(String name) {
        return TEXTS.computeIfAbsent(name, n -> {
            try (InputStream in = ServerQueries.class.getResourceAsStream(n)) {
                if (in == null) {
                    throw new IllegalStateException("no query resource " + n);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static Query query(String name) {
        return QueryFactory.create(text(name));
    }

    public static List<Binding> select(DatasetGraph dsg, String name, Map<String, Node> bindings) {
        try (QueryExec qe = QueryExec.dataset(dsg).query(query(name)).substitution(binding(bindings)).build()) {
            RowSet rows = qe.select();
            List<Binding> out = new ArrayList<>();
            rows.forEachRemaining(out::add);
            return out;
        }
    }

    public static Graph construct(DatasetGraph dsg, String name, Map<String, Node> bindings) {
        try (QueryExec qe = QueryExec.dataset(dsg).query(query(name)).substitution(binding(bindings)).build()) {
            return qe.construct();
        }
    }

    /** The text of a query file with IRIs put in place of some of its variables, for people to read and run. */
    public static String withIris(String name, Map<String, String> iris) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(text(name));
        iris.forEach(pss::setIri);
        return pss.toString();
    }

    private static Binding binding(Map<String, Node> bindings) {
        BindingBuilder b = BindingBuilder.create();
        bindings.forEach((k, v) -> b.add(Var.alloc(k), v));
        return b.build();
    }
}
