package org.psikg.validate;

import org.apache.jena.graph.Node;

/**
 * A named shape of the shapes graph, as reports describe it.
 *
 * @param label    its rdfs:label, or its local name
 * @param comment  its rdfs:comment (why the rule exists), or {@code null}
 * @param severity the severity it reports with
 */
public record ShapeInfo(Node shape, String label, String comment, Severity severity) {
}
