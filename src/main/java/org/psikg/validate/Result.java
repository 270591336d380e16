package org.psikg.validate;

import java.util.Comparator;
import org.apache.jena.graph.Node;

/**
 * One validation result: what is wrong, where in the graph, which shape says so, and where
 * in the corpus it was written ({@code location} may be {@code null} for data that did not
 * come from the seeds).
 *
 * @param path  the result path as SPARQL property path text, or {@code null}
 * @param value the offending value, or {@code null}
 */
public record Result(Severity severity, Node shape, Node focus, String path, Node value, String message,
                     Node constraintComponent, SourceLocation location) {

    /** The report's order: by location (results without one last), then severity, shape and focus. */
    public static final Comparator<Result> ORDER = Comparator
            .comparing(Result::location, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Result::severity, Comparator.reverseOrder())
            .thenComparing(r -> String.valueOf(r.shape()))
            .thenComparing(r -> String.valueOf(r.focus()))
            .thenComparing(r -> String.valueOf(r.path()))
            .thenComparing(r -> String.valueOf(r.value()))
            .thenComparing(Result::message);
}
