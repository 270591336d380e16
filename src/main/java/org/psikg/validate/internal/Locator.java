package org.psikg.validate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;
import org.psikg.validate.SourceLocation;

/**
 * Maps a validation result back to the corpus through provenance. In order: the annotation
 * behind the statement (focus, path, value); behind any statement (focus, path, _); the
 * focus's own place (an annotation, an article, a registry entity, or an annotation's target
 * or selector); the annotation behind a statement node; behind any statement about the
 * focus; behind any statement pointing at it. Of several candidates, the first in file and
 * line order.
 */
public final class Locator {
    private record Source(Node s, Node p, Node o, SourceLocation at) {
    }

    private final Map<Node, List<Source>> bySubject = new HashMap<>();
    private final Map<Node, List<Source>> byObject = new HashMap<>();
    private final Map<Node, TreeSet<SourceLocation>> own = new HashMap<>();

    public Locator(Graph union) {
        for (QuerySolution row : select(union, "statement-sources.rq")) {
            SourceLocation at = new SourceLocation(row.getLiteral("file").getString(), row.getLiteral("line").getInt());
            Source src = new Source(row.get("s").asNode(), row.get("p").asNode(), row.get("o").asNode(), at);
            bySubject.computeIfAbsent(src.s(), k -> new ArrayList<>()).add(src);
            byObject.computeIfAbsent(src.o(), k -> new ArrayList<>()).add(src);
            own.computeIfAbsent(row.get("statement").asNode(), k -> new TreeSet<>()).add(at);
        }
        for (QuerySolution row : select(union, "node-sources.rq")) {
            SourceLocation at = new SourceLocation(row.getLiteral("file").getString(), row.getLiteral("line").getInt());
            own.computeIfAbsent(row.get("node").asNode(), k -> new TreeSet<>()).add(at);
        }
    }

    /** A locator of nothing yet, to {@link #absorb} others into. */
    public Locator() {
    }

    /**
     * Adds what {@code other} knows of the nodes {@code keep} accepts: its statements with
     * such a subject or object, and their own places. Per-article validation gathers the
     * sources of the registry's nodes this way, one article at a time.
     */
    public synchronized void absorb(Locator other, Predicate<Node> keep) {
        other.bySubject.forEach((n, list) -> {
            if (keep.test(n)) {
                bySubject.computeIfAbsent(n, k -> new ArrayList<>()).addAll(list);
            }
        });
        other.byObject.forEach((n, list) -> {
            if (keep.test(n)) {
                byObject.computeIfAbsent(n, k -> new ArrayList<>()).addAll(list);
            }
        });
        other.own.forEach((n, set) -> {
            if (keep.test(n)) {
                own.computeIfAbsent(n, k -> new TreeSet<>()).addAll(set);
            }
        });
    }

    /** @param predicate the result path when it is a single property, else {@code null} */
    public Optional<SourceLocation> locate(Node focus, Node predicate, Node value) {
        List<Source> about = bySubject.getOrDefault(focus, List.of());
        return first(about, s -> s.p().equals(predicate) && s.o().equals(value))
                .or(() -> first(about, s -> s.p().equals(predicate)))
                .or(() -> Optional.ofNullable(own.get(focus)).map(TreeSet::first))
                .or(() -> first(about, s -> true))
                .or(() -> first(byObject.getOrDefault(focus, List.of()), s -> true));
    }

    private static Optional<SourceLocation> first(List<Source> sources, Predicate<Source> test) {
        return sources.stream().filter(test).map(Source::at).min(SourceLocation::compareTo);
    }

    private static List<QuerySolution> select(Graph g, String resource) {
        String query;
        try (InputStream in = Locator.class.getResourceAsStream("/org/psikg/validate/" + resource)) {
            query = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.model(ModelFactory.createModelForGraph(g)).query(query).build()) {
            qe.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }
}
