package org.psikg.rdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.psikg.corpus.Article;
import org.psikg.corpus.CorpusReader;
import org.psikg.corpus.Registry;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.error.Problems;
import org.psikg.io.Progress;
import org.psikg.rdf.internal.ArticleMapper;
import org.psikg.rdf.internal.CrossReferences;
import org.psikg.rdf.internal.MetadataMapper;
import org.psikg.rdf.internal.RegistryMapper;
import org.psikg.vocab.Prefixes;
import org.psikg.vocab.PsikgIris;

/**
 * The build of a corpus too large to hold in memory, with the same bytes as
 * {@link KnowledgeGraph#build} and {@link DatasetWriter}. Each article is read, anchored,
 * mapped into a graph of its own and sorted on its own (on a small pool of threads), and its
 * sorted quads go to a run file (RDF Thrift) in a temporary folder; only a small summary of
 * each stays in memory. The graph IRI is the first sort key and every article is a graph of its
 * own, so writing the runs in graph order, between the registry, ontology and metadata graphs
 * (built in memory), is the sorted dataset.
 * <pre>
 * try (StreamingBuild b = StreamingBuild.run(Path.of("seeds"), Path.of("ontology/psikg.ttl"), Path.of("target"), 2)) {
 *     b.writeAll(Path.of("target/psikg.trig"), Path.of("target/psikg.nq"));
 *     b.summary().quadsPerGraph();
 * }
 * </pre>
 * Throws an {@link InputException} with every problem of every article, as
 * {@link KnowledgeGraph#build} does: the reading problems if there are any, else the mapping ones.
 */
public final class StreamingBuild implements SortedDataset, AutoCloseable {
    /** What the build printed about the corpus: quads per graph (in graph IRI order) and counts. */
    public record Summary(Map<String, Long> quadsPerGraph, int articles, int annotations, int entities,
                          List<String> unannotated) {
    }

    /** One graph of the output: held in memory ({@code quads}) or in a run file. */
    private record Part(String key, List<Quad> quads, Path run) {
    }

    /** One article as the first pass leaves it: the summary, or the errors. */
    private record Outcome(String id, String title, String annotationFile, Location location, int annotations,
                           long quads, CrossReferences refs, Path run, InputException readError, InputException mapError) {
        static Outcome unread(InputException e) {
            return new Outcome(null, null, null, null, 0, 0, null, null, e, null);
        }
    }

    private final Path folder;
    private final List<Part> parts;
    private final PrefixMap prefixes;
    private final Summary summary;

    private StreamingBuild(Path folder, List<Part> parts, PrefixMap prefixes, Summary summary) {
        this.folder = folder;
        this.parts = parts;
        this.prefixes = prefixes;
        this.summary = summary;
    }

    /**
     * Builds the corpus in {@code seeds} with {@code threads} threads, keeping the runs in a new
     * folder under {@code tempParent} that {@link #close} deletes (so is any failure).
     */
    public static StreamingBuild run(Path seeds, Path ontologyFile, Path tempParent, int threads) throws IOException {
        return run(seeds, ontologyFile, tempParent, threads, total -> Progress.none());
    }

    /**
     * As {@link #run(Path, Path, Path, int)}, advancing the progress that {@code progress} starts
     * (given the number of articles, once they are listed) by one per article read and mapped.
     */
    public static StreamingBuild run(Path seeds, Path ontologyFile, Path tempParent, int threads,
                                     LongFunction<Progress> progress) throws IOException {
        Ontology ontology = Ontology.load(ontologyFile, ontologyFile.toString());
        List<Path> files = CorpusReader.annotationFiles(seeds);
        Problems reading = new Problems();
        Registry registry = null;
        try {
            registry = CorpusReader.registry(seeds);
        } catch (InputException e) {
            reading.addAll(e);
        }
        // A folder made for the runs alone goes with them: a build that fails leaves nothing behind.
        Path made = Files.exists(tempParent) ? null : tempParent;
        Files.createDirectories(tempParent);
        Path folder = Files.createTempDirectory(tempParent, ".psikg-build-");
        try {
            List<Outcome> outcomes;
            try (Progress p = progress.apply(files.size())) {
                outcomes = firstPass(seeds, ontology, registry, files, folder, threads, p);
            }
            return finish(seeds, ontology, registry, reading, folder, outcomes);
        } catch (IOException | RuntimeException | Error e) {
            delete(folder);
            deleteIfEmpty(made);
            throw e;
        }
    }

    /** Deletes {@code made}, the folder the build made for its runs (if it did), once it is empty again. */
    private static void deleteIfEmpty(Path made) throws IOException {
        if (made == null) {
            return;
        }
        try (Stream<Path> in = Files.list(made)) {
            if (in.findAny().isEmpty()) {
                Files.delete(made);
            }
        }
    }

    /** Reads and maps every article; the outcomes are in the order of {@code files}, whatever the threads did. */
    private static List<Outcome> firstPass(Path seeds, Ontology ontology, Registry registry, List<Path> files, Path folder,
                                           int threads, Progress progress) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "psikg-build");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path yaml = files.get(i);
                Path run = folder.resolve(String.format("%07d.rt", i));
                futures.add(pool.submit(() -> {
                    Outcome o = article(seeds, ontology, registry, yaml, run);
                    progress.advance(1);
                    return o;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException(e.getCause());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome article(Path seeds, Ontology ontology, Registry registry, Path yaml, Path run) throws IOException {
        Article a;
        try {
            a = CorpusReader.article(yaml, seeds.toString());
        } catch (InputException e) {
            return Outcome.unread(e);
        }
        int annotations = a.annotations().size();
        if (registry == null) {
            // The registry is unreadable: only reading problems are reported, as by KnowledgeGraph.build.
            return new Outcome(a.id(), a.meta().title(), a.annotationFile(), a.meta().location(), annotations, 0, null, null, null, null);
        }
        DatasetGraph dsg = DatasetGraphFactory.create();
        Problems problems = new Problems();
        CrossReferences refs = new CrossReferences();
        new ArticleMapper(ontology, registry, refs).map(a, dsg, problems);
        InputException mapError = null;
        try {
            problems.throwIfAny();
        } catch (InputException e) {
            mapError = e;
        }
        // Written even with errors: another article's cross-reference is checked against what this one declares.
        List<Quad> sorted = DatasetWriter.sorted(dsg);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(run), 1 << 16)) {
            StreamRDF stream = StreamRDFWriter.getWriterStream(out, RDFFormat.RDF_THRIFT);
            stream.start();
            sorted.forEach(stream::quad);
            stream.finish();
        }
        return new Outcome(a.id(), a.meta().title(), a.annotationFile(), a.meta().location(), annotations, sorted.size(),
                refs, run, null, mapError);
    }

    private static StreamingBuild finish(Path seeds, Ontology ontology, Registry registry, Problems reading, Path folder,
                                         List<Outcome> outcomes) {
        Map<String, String> firstFile = new HashMap<>();
        Map<String, String> titles = new TreeMap<>();
        Map<String, Outcome> byId = new HashMap<>();
        Problems mapping = new Problems();
        CrossReferences refs = new CrossReferences();
        int annotations = 0;
        for (Outcome o : outcomes) {
            if (o.readError() != null) {
                reading.addAll(o.readError());
                continue;
            }
            String first = firstFile.putIfAbsent(o.id(), o.annotationFile());
            if (first != null) {
                reading.add(CorpusReader.duplicateId(o.location(), o.id(), first));
                continue;
            }
            if (o.mapError() != null) {
                mapping.addAll(o.mapError());
            }
            if (o.refs() != null) {
                refs.addAll(o.refs());
            }
            titles.put(o.id(), o.title());
            byId.put(o.id(), o);
            annotations += o.annotations();
        }
        List<String> unannotated = CorpusReader.unannotated(seeds);
        reading.throwIfAny();

        DatasetGraph shared = DatasetGraphFactory.create();
        ontology.graph().find().forEach(t -> shared.add(PsikgIris.ONTOLOGY_GRAPH, t.getSubject(), t.getPredicate(), t.getObject()));
        RegistryMapper.map(registry, ontology, shared, mapping);
        Map<Node, Set<Node>> typed = typedNodes(refs.articleIds().stream().map(byId::get).filter(o -> o != null).toList());
        refs.check(titles.keySet(), (graph, node) -> typed.getOrDefault(graph, Set.of()).contains(node), mapping);
        mapping.throwIfAny();

        Map<Node, Long> sizes = new HashMap<>();
        shared.listGraphNodes().forEachRemaining(g -> sizes.put(g, (long) shared.getGraph(g).size()));
        byId.values().forEach(o -> sizes.put(PsikgIris.graph(o.id()), o.quads()));
        MetadataMapper.map(titles, sizes, shared);

        List<Part> parts = new ArrayList<>();
        List<Quad> sharedQuads = DatasetWriter.sorted(shared);
        for (int from = 0; from < sharedQuads.size(); ) {
            Node g = sharedQuads.get(from).getGraph();
            int to = from;
            while (to < sharedQuads.size() && sharedQuads.get(to).getGraph().equals(g)) {
                to++;
            }
            parts.add(new Part(NodeFmtLib.strNT(g), sharedQuads.subList(from, to), null));
            from = to;
        }
        byId.values().forEach(o -> parts.add(new Part(NodeFmtLib.strNT(PsikgIris.graph(o.id())), null, o.run())));
        parts.sort(Comparator.comparing(Part::key));

        Map<String, Long> quadsPerGraph = new TreeMap<>();
        sizes.put(PsikgIris.METADATA_GRAPH, (long) shared.getGraph(PsikgIris.METADATA_GRAPH).size());
        sizes.forEach((g, n) -> quadsPerGraph.put(g.getURI(), n));
        PrefixMapping prefixes = Prefixes.common();
        prefixes.setNsPrefixes(ontology.prefixes());
        Summary summary = new Summary(java.util.Collections.unmodifiableMap(quadsPerGraph), titles.size(), annotations,
                registry.entities().size(), unannotated);
        return new StreamingBuild(folder, List.copyOf(parts), PrefixMapFactory.create(prefixes), summary);
    }

    /** The nodes with a class in the graphs of {@code articles}, read back from their runs (only those that are referred to). */
    private static Map<Node, Set<Node>> typedNodes(List<Outcome> articles) {
        Map<Node, Set<Node>> typed = new HashMap<>();
        for (Outcome o : articles) {
            Set<Node> nodes = new HashSet<>();
            read(o.run(), q -> {
                if (q.getPredicate().equals(RDF.type.asNode())) {
                    nodes.add(q.getSubject());
                }
            });
            typed.put(PsikgIris.graph(o.id()), nodes);
        }
        return typed;
    }

    public Summary summary() {
        return summary;
    }

    /** The prefixes the TriG is written with (psikg's and the ontology's). */
    public PrefixMapping prefixes() {
        return org.apache.jena.riot.system.Prefixes.adapt(prefixes);
    }

    @Override
    public void write(OutputStream out, RDFFormat format) {
        DatasetWriter.write(out, format, prefixes, this::stream);
    }

    /** Sends every quad, in the writer's order, to {@code sink} (its quad method only). */
    public void stream(StreamRDF sink) {
        for (Part p : parts) {
            if (p.quads() != null) {
                p.quads().forEach(sink::quad);
            } else {
                read(p.run(), sink::quad);
            }
        }
    }

    private static void read(Path run, java.util.function.Consumer<Quad> quads) {
        RDFParser.source(run).lang(Lang.RDFTHRIFT).parse(new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                quads.accept(quad);
            }
        });
    }

    /** Deletes the runs and their folder. */
    @Override
    public void close() throws IOException {
        delete(folder);
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
