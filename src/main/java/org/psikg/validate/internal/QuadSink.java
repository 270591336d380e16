package org.psikg.validate.internal;

import java.util.function.Consumer;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * A parser's output as quads, triples in the default graph included.
 * <pre>
 * RdfFiles.stream(Path.of("psikg.nq"), new QuadSink(q -> count++));
 * </pre>
 */
public final class QuadSink extends StreamRDFBase {
    private final Consumer<Quad> each;

    public QuadSink(Consumer<Quad> each) {
        this.each = each;
    }

    @Override
    public void quad(Quad quad) {
        each.accept(quad);
    }

    @Override
    public void triple(Triple triple) {
        each.accept(Quad.create(Quad.defaultGraphIRI, triple));
    }
}
