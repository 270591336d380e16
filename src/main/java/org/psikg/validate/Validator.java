package org.psikg.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.vocab.PSI;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.psikg.io.Progress;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.rdf.RdfFiles;
import org.psikg.validate.internal.ArticleGraphs;
import org.psikg.validate.internal.ArticleScope;
import org.psikg.validate.internal.BatchedSparql;
import org.psikg.validate.internal.GraphRuns;
import org.psikg.validate.internal.PerArticle;
import org.psikg.validate.internal.QuadSink;
import org.psikg.validate.internal.Locator;
import org.psikg.validate.internal.ShapeIndex;

/**
 * Validates a psikg dataset with the SHACL shapes of a folder: structure, cross-node rules
 * (SHACL-SPARQL) and OWL 2 RL consistency rules alike, with the results they give over the
 * union of all named graphs, ontology included; each result is traced back to the annotation
 * that wrote its data. Each article's nodes are validated with that article's graph and the
 * shared ones, articles in parallel ({@link PerArticle}); {@link #validateUnion} is the
 * whole-union way it gives the same report as.
 * <pre>
 * Validator validator = Validator.load(Path.of("shapes"));
 * Report report = validator.validate(kg.dataset());
 * report.conforms(Severity.VIOLATION);
 * </pre>
 */
public final class Validator {
    /** Articles validated at once: the machine's cores, at most four (each holds one article's graph). */
    private static final int THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

    private final Graph shapesGraph;
    private final BatchedSparql engine;

    private Validator(Graph shapesGraph) {
        this.shapesGraph = shapesGraph;
        this.engine = BatchedSparql.of(shapesGraph, Shapes.parse(shapesGraph));
    }

    /** Reads and merges every {@code *.ttl} of the folder; syntax errors are located input errors. */
    public static Validator load(Path dir) {
        Graph merged = GraphFactory.createDefaultGraph();
        for (Path file : turtleFiles(dir)) {
            // Each file's blank nodes are its own: RdfFiles labels them b0, b1... in every file.
            Map<Node, Node> fresh = new HashMap<>();
            RdfFiles.graph(file).find().forEach(t -> merged.add(Triple.create(scoped(t.getSubject(), fresh),
                    t.getPredicate(), scoped(t.getObject(), fresh))));
        }
        try {
            return new Validator(merged);
        } catch (RuntimeException e) {
            throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.BAD_SHAPES, e.getMessage()));
        }
    }

    private static Node scoped(Node n, Map<Node, Node> fresh) {
        return n.isBlank() ? fresh.computeIfAbsent(n, k -> NodeFactory.createBlankNode()) : n;
    }

    /**
     * Validates a graph built from seeds: the shapes over its dataset, and the evidence lint
     * ({@link EvidenceLint}) over its corpus, whose warnings join the report (and its RDF).
     */
    public Report validate(KnowledgeGraph kg) {
        return validate(kg.dataset()).with(EvidenceLint.INFO, EvidenceLint.check(kg.corpus()));
    }

    /**
     * Validates a dataset article by article ({@link PerArticle}) when it has psikg's layout,
     * else over the union of its graphs; the same report either way.
     */
    public Report validate(DatasetGraph dataset) {
        return validate(dataset, articles -> Progress.none());
    }

    /** {@link #validate(DatasetGraph)}, with the progress {@code progress} gives for the number of articles. */
    public Report validate(DatasetGraph dataset, IntFunction<Progress> progress) {
        PerArticle run = new PerArticle(engine, shapesGraph, THREADS);
        dataset.find().forEachRemaining(run::add);
        if (!run.partitionable()) {
            return validateUnion(dataset);
        }
        for (Node n : run.secondLook()) {
            dataset.find(Node.ANY, n, Node.ANY, Node.ANY).forEachRemaining(run::addSecondLook);
        }
        try (Progress p = progress.apply(run.articles())) {
            run.startArticles(p);
            for (var it = dataset.listGraphNodes(); it.hasNext();) {
                Node name = it.next();
                String article = ArticleScope.articleOfGraph(name);
                if (article != null) {
                    // A store's graphs may only be read in the caller's transaction, not on the pool's threads: copied here.
                    run.article(article, dataset.isInTransaction() ? copy(dataset.getGraph(name)) : dataset.getGraph(name));
                }
            }
            return report(run.finish());
        }
    }

    /**
     * Validates an N-Quads file without holding it: one pass for the shared graphs and the
     * registry projection, one for the triples of the nodes that articles cite in other
     * articles and of the statements about shared nodes, one that validates each article's graph as it is read. A file
     * not sorted by graph (an article's quads not all together) is read into memory and
     * validated per article from there; one without psikg's layout, over the union.
     */
    public Report validate(Path nquads) {
        return validate(nquads, articles -> Progress.none());
    }

    /**
     * {@link #validate(Path)}, with the progress {@code progress} gives for the number of
     * articles, which the first pass counts.
     * <pre>
     * validator.validate(Path.of("target/psikg.nq"), n -&gt; Progress.start(err, Progress.Mode.AUTO, "validate", n, "articles"));
     * </pre>
     */
    public Report validate(Path nquads, IntFunction<Progress> progress) {
        PerArticle run = new PerArticle(engine, shapesGraph, THREADS);
        GraphRuns order = new GraphRuns();
        RdfFiles.stream(nquads, new QuadSink(q -> {
            run.add(q);
            order.see(q.getGraph());
        }));
        if (!run.partitionable()) {
            return validateUnion(RdfFiles.dataset(nquads));
        }
        if (!order.sorted()) {
            return validate(RdfFiles.dataset(nquads), progress);
        }
        if (!run.secondLook().isEmpty()) {
            // A cited node's or a statement's triples may come before what makes them wanted: one more pass.
            RdfFiles.stream(nquads, new QuadSink(run::addSecondLook));
        }
        try (Progress p = progress.apply(run.articles())) {
            run.startArticles(p);
            ArticleGraphs articles = new ArticleGraphs(run::article);
            RdfFiles.stream(nquads, new QuadSink(articles::add));
            articles.flush();
            return report(run.finish());
        }
    }

    /** Today's way, kept for comparison and for data without psikg's layout: every rule over one union graph. */
    public Report validateUnion(DatasetGraph dataset) {
        Graph union = GraphFactory.createDefaultGraph();
        dataset.find().forEachRemaining(q -> union.add(q.asTriple()));
        Locator locator = new Locator(union);
        ValidationReport shacl = engine.validate(union);
        List<Result> results = new ArrayList<>();
        for (ReportEntry e : shacl.getEntries()) {
            results.add(result(e, locator.locate(e.focusNode(), predicate(e), e.value()).orElse(null)));
        }
        results.sort(Result.ORDER);
        return new Report(List.copyOf(results), shapes(), locatedReport(shacl.getGraph(), locator::locate));
    }

    private static Graph copy(Graph g) {
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEach(out::add);
        return out;
    }

    private Report report(List<PerArticle.Found> found) {
        List<Result> results = new ArrayList<>();
        List<ReportEntry> entries = new ArrayList<>();
        Map<List<Node>, SourceLocation> at = new HashMap<>();
        for (PerArticle.Found f : found) {
            ReportEntry e = f.entry();
            entries.add(e);
            results.add(result(e, f.at()));
            if (f.at() != null) {
                at.put(Arrays.asList(e.focusNode(), predicate(e), e.value()), f.at());
            }
        }
        results.sort(Result.ORDER);
        ValidationReport shacl = engine.report(entries);
        return new Report(List.copyOf(results), shapes(), locatedReport(shacl.getGraph(),
                (focus, predicate, value) -> Optional.ofNullable(at.get(Arrays.asList(focus, predicate, value)))));
    }

    private Result result(ReportEntry e, SourceLocation at) {
        return new Result(Severity.of(e.severity()), namedShape(e.source()), e.focusNode(), pathText(e.resultPath()), e.value(),
                e.message(), e.sourceConstraintComponent(), at);
    }

    private static Node predicate(ReportEntry e) {
        return e.resultPath() instanceof P_Link link ? link.getNode() : null;
    }

    /** Where a result is: focus node, the result path when it is one property ({@code null} otherwise), value. */
    @FunctionalInterface
    private interface Locate {
        Optional<SourceLocation> at(Node focus, Node predicate, Node value);
    }

    /** The SHACL report graph with psi:sourceFile and psi:sourceLine added to each result that has a source. */
    private static Graph locatedReport(Graph report, Locate locator) {
        Graph out = GraphFactory.createDefaultGraph();
        report.find().forEach(out::add);
        report.find(Node.ANY, RDF.type.asNode(), SHACL.ValidationResult).forEach(t -> {
            Node r = t.getSubject();
            Node focus = object(report, r, SHACL.focusNode);
            Node path = object(report, r, SHACL.resultPath);
            locator.at(focus, path != null && path.isURI() ? path : null, object(report, r, SHACL.value)).ifPresent(at -> {
                out.add(r, PSI.sourceFile, NodeFactory.createLiteralString(at.file()));
                out.add(r, PSI.sourceLine, NodeFactory.createLiteralDT(Integer.toString(at.line()), XSDDatatype.XSDinteger));
            });
        });
        return out;
    }

    /** A blank property shape reports as the named shape that holds it, so that every rule has a name. */
    private Node namedShape(Node shape) {
        Node current = shape;
        for (int depth = 0; current != null && current.isBlank() && depth < 8; depth++) {
            Node s = current;
            current = shapesGraph.find(Node.ANY, SHACL.property, s).nextOptional().map(Triple::getSubject)
                    .or(() -> shapesGraph.find(Node.ANY, SHACL.sparql, s).nextOptional().map(Triple::getSubject))
                    .orElse(null);
        }
        return current != null && current.isURI() ? current : shape;
    }

    private static Node object(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).nextOptional().map(Triple::getObject).orElse(null);
    }

    public Map<Node, ShapeInfo> shapes() {
        return ShapeIndex.of(shapesGraph);
    }

    private static String pathText(org.apache.jena.sparql.path.Path path) {
        return path == null ? null : path.toString();
    }

    private static List<Path> turtleFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.IO, "shapes folder not found"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.IO, "cannot list folder: " + e.getMessage()));
        }
    }
}
