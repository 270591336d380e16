package org.psikg.rdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.psikg.io.AtomicFiles;

/**
 * Writes a dataset as TriG or N-Quads in one fixed order (graph, subject, predicate, object,
 * each compared as N-Triples text), so that the same dataset always gives the same bytes and
 * a diff between two builds shows only what changed. Writes to a temporary file beside the
 * target and moves it into place, so a failed run never leaves half a file.
 * <pre>
 * DatasetWriter.of(dsg, prefixes).writeAll(Path.of("target/psikg.trig"), Path.of("target/psikg.nq"));
 * </pre>
 */
public final class DatasetWriter {
    private final List<Quad> quads;
    private final PrefixMap prefixes;

    private DatasetWriter(List<Quad> quads, PrefixMap prefixes) {
        this.quads = quads;
        this.prefixes = prefixes;
    }

    public static DatasetWriter of(DatasetGraph dsg, PrefixMapping prefixes) {
        List<Quad> all = new ArrayList<>();
        dsg.find().forEachRemaining(all::add);
        // Graphs, predicates and most subjects recur in thousands of quads: format each node once,
        // and compare term by term (the same order as comparing the four terms joined by NULs).
        Map<Node, String> nt = new HashMap<>();
        Function<Node, String> fmt = n -> nt.computeIfAbsent(n, NodeFmtLib::strNT);
        List<Quad> sorted = all.stream()
                .map(q -> new Keyed(q, fmt.apply(q.getGraph()), fmt.apply(q.getSubject()), fmt.apply(q.getPredicate()),
                        fmt.apply(q.getObject())))
                .sorted(Keyed.ORDER)
                .map(Keyed::quad)
                .toList();
        return new DatasetWriter(sorted, PrefixMapFactory.create(prefixes));
    }

    public List<Quad> quads() {
        return quads;
    }

    /** Writes both files, or neither: each goes to a temporary file first. */
    public void writeAll(Path trig, Path nquads) throws IOException {
        Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
        files.put(trig, out -> write(out, RDFFormat.TRIG_BLOCKS));
        files.put(nquads, out -> write(out, RDFFormat.NQUADS));
        AtomicFiles.write(files);
    }

    /** Writes the N-Quads file alone (no TriG): for loading elsewhere, where the TriG would only cost time. */
    public void writeNQuads(Path nquads) throws IOException {
        AtomicFiles.write(nquads, out -> write(out, RDFFormat.NQUADS));
    }

    public void write(OutputStream out, RDFFormat format) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(out, format);
        stream.start();
        if (format != RDFFormat.NQUADS) {
            new java.util.TreeMap<>(prefixes.getMapping()).forEach(stream::prefix);
        }
        quads.forEach(stream::quad);
        stream.finish();
    }

    private record Keyed(Quad quad, String g, String s, String p, String o) {
        static final Comparator<Keyed> ORDER = Comparator.comparing(Keyed::g).thenComparing(Keyed::s)
                .thenComparing(Keyed::p).thenComparing(Keyed::o);
    }
}
