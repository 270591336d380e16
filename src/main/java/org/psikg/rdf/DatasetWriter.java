package org.psikg.rdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes a dataset as TriG or N-Quads in one fixed order (graph, subject, predicate, object,
 * each compared as N-Triples text), so that the same dataset always gives the same bytes and
 * a diff between two builds shows only what changed. Writes to a temporary file beside the
 * target and moves it into place, so a failed run never leaves half a file.
 * <pre>
 * DatasetWriter.of(dsg, prefixes).writeAll(Path.of("target/psikg.trig"), Path.of("target/psikg.nq"));
 * </pre>
 * {@link StreamingBuild} writes the same order without holding the dataset.
 */
public final class DatasetWriter implements SortedDataset {
    private final List<Quad> quads;
    private final PrefixMap prefixes;

    private DatasetWriter(List<Quad> quads, PrefixMap prefixes) {
        this.quads = quads;
        this.prefixes = prefixes;
    }

    public static DatasetWriter of(DatasetGraph dsg, PrefixMapping prefixes) {
        return new DatasetWriter(sorted(dsg), PrefixMapFactory.create(prefixes));
    }

    /** Every quad of {@code dsg} in the writer's order. */
    static List<Quad> sorted(DatasetGraph dsg) {
        List<Quad> all = new ArrayList<>();
        dsg.find().forEachRemaining(all::add);
        // Graphs, predicates and most subjects recur in thousands of quads: format each node once,
        // and compare term by term (the same order as comparing the four terms joined by NULs).
        Map<Node, String> nt = new HashMap<>();
        Function<Node, String> fmt = n -> nt.computeIfAbsent(n, NodeFmtLib::strNT);
        return all.stream()
                .map(q -> new Keyed(q, fmt.apply(q.getGraph()), fmt.apply(q.getSubject()), fmt.apply(q.getPredicate()),
                        fmt.apply(q.getObject())))
                .sorted(Keyed.ORDER)
                .map(Keyed::quad)
                .toList();
    }

    public List<Quad> quads() {
        return quads;
    }

    @Override
    public void write(OutputStream out, RDFFormat format) {
        write(out, format, prefixes, stream -> quads.forEach(stream::quad));
    }

    /** Writes the prefixes (but for N-Quads) and then the quads that {@code quads} sends, in the order it sends them. */
    static void write(OutputStream out, RDFFormat format, PrefixMap prefixes, Consumer<StreamRDF> quads) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, format);
        stream.start();
        if (format != RDFFormat.NQUADS) {
            new java.util.TreeMap<>(prefixes.getMapping()).forEach(stream::prefix);
        }
        quads.accept(stream);
        stream.finish();
    }

    private record Keyed(Quad quad, String g, String s, String p, String o) {
        static final Comparator<Keyed> ORDER = Comparator.comparing(Keyed::g).thenComparing(Keyed::s)
                .thenComparing(Keyed::p).thenComparing(Keyed::o);
    }
}
