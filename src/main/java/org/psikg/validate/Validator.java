package org.psikg.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.rdf.RdfFiles;
import org.psikg.validate.internal.BatchedSparql;
import org.psikg.validate.internal.Locator;
import org.psikg.validate.internal.ShapeIndex;

/**
 * Validates a psikg dataset with the SHACL shapes of a folder: structure, cross-node rules
 * (SHACL-SPARQL) and OWL 2 RL consistency rules alike run over the union of all named graphs,
 * ontology included, and each result is traced back to the annotation that wrote its data.
 * <pre>
 * Validator validator = Validator.load(Path.of("shapes"));
 * Report report = validator.validate(kg.dataset());
 * report.conforms(Severity.VIOLATION);
 * </pre>
 */
public final class Validator {
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

    public Report validate(DatasetGraph dataset) {
        Graph union = GraphFactory.createDefaultGraph();
        dataset.find().forEachRemaining(q -> union.add(q.asTriple()));
        Locator locator = new Locator(union);
        ValidationReport shacl = engine.validate(union);
        List<Result> results = new ArrayList<>();
        for (ReportEntry e : shacl.getEntries()) {
            Node predicate = e.resultPath() instanceof P_Link link ? link.getNode() : null;
            results.add(new Result(Severity.of(e.severity()), namedShape(e.source()), e.focusNode(), pathText(e.resultPath()), e.value(),
                    e.message(), e.sourceConstraintComponent(), locator.locate(e.focusNode(), predicate, e.value()).orElse(null)));
        }
        results.sort(Result.ORDER);
        return new Report(List.copyOf(results), shapes(), locatedReport(shacl.getGraph(), locator));
    }

    /** The SHACL report graph with psi:sourceFile and psi:sourceLine added to each result that has a source. */
    private static Graph locatedReport(Graph report, Locator locator) {
        Graph out = GraphFactory.createDefaultGraph();
        report.find().forEach(out::add);
        report.find(Node.ANY, RDF.type.asNode(), SHACL.ValidationResult).forEach(t -> {
            Node r = t.getSubject();
            Node focus = object(report, r, SHACL.focusNode);
            Node path = object(report, r, SHACL.resultPath);
            locator.locate(focus, path != null && path.isURI() ? path : null, object(report, r, SHACL.value)).ifPresent(at -> {
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
