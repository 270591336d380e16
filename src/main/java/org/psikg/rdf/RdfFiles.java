package org.psikg.rdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFParserBuilder;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.psikg.corpus.TextFiles;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.rdf.internal.NoDocumentLoader;
import org.psikg.rdf.internal.RdfGuard;

/**
 * Reads RDF files the way psikg reads all input: a syntax error (or anything RIOT would
 * only warn about) is an {@link InputException} with file, line and column, and blank nodes
 * are labelled in the order the parser meets them, so that the same file always gives the
 * same labels. Before parsing, {@link RdfGuard} refuses nesting the parsers would overflow
 * the stack on and RDF/XML entities that expand or reach outside the file; an ontology or
 * shapes file ({@link #graph}) may be at most {@link #MAX_GRAPH_BYTES}.
 * <pre>
 * Graph shapes = RdfFiles.graph(Path.of("shapes/psikg-shapes.ttl"));
 * DatasetGraph data = RdfFiles.dataset(Path.of("target/psikg.trig"));
 * </pre>
 */
public final class RdfFiles {
    /** The largest ontology or shapes file read; psikg's own are under 100 kB. */
    public static final long MAX_GRAPH_BYTES = 32L * 1024 * 1024;

    private RdfFiles() {
    }

    public static Graph graph(Path file) {
        if (Files.isRegularFile(file)) {
            TextFiles.requireAtMost(file, file.toString(), MAX_GRAPH_BYTES, ErrorCode.RDF_TOO_LARGE, "the RDF file");
        }
        Graph g = GraphFactory.createDefaultGraph();
        parse(file, parser -> parser.parse(g));
        return g;
    }

    public static DatasetGraph dataset(Path file) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        parse(file, parser -> parser.parse(dsg));
        return dsg;
    }

    /** Streams the file's triples or quads into {@code sink} as the parser meets them, with the errors of {@link #dataset}. */
    public static void stream(Path file, StreamRDF sink) {
        parse(file, parser -> parser.parse(sink));
    }

    private static void parse(Path file, Consumer<RDFParser> into) {
        NoDocumentLoader loader = new NoDocumentLoader();
        try {
            into.accept(parser(file, loader));
        } catch (RiotException e) {
            throw located(file, loader, unlocated(file, e));
        } catch (InputException e) {
            throw located(file, loader, e);
        } catch (StackOverflowError e) {
            throw tooDeep(file);
        }
    }

    /** A refused JSON-LD document is reported where the file names it; the parser gives no place. */
    private static InputException located(Path file, NoDocumentLoader loader, InputException e) {
        if (e.errors().size() != 1 || e.errors().get(0).location().line() > 0) {
            return e;
        }
        InputError error = e.errors().get(0);
        return loader.where(file, file.toString())
                .map(at -> new InputException(new InputError(at, error.code(), error.message(), error.hint())))
                .orElse(e);
    }

    /** The last line of defence, for a format {@link RdfGuard} does not scan: the stack is unwound by now. */
    private static InputException tooDeep(Path file) {
        return new InputException(InputError.of(Location.ofFile(file.toString()), ErrorCode.RDF_DEPTH,
                "nesting too deep for the parser"));
    }

    /** A RIOT failure that did not go through the error handler (an I/O problem, say). */
    private static InputException unlocated(Path file, RiotException e) {
        return e.getCause() instanceof InputException ie ? ie
                : new InputException(InputError.of(Location.ofFile(file.toString()), ErrorCode.RDF_SYNTAX, e.getMessage()));
    }

    private static RDFParser parser(Path file, NoDocumentLoader loader) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InputException(InputError.of(Location.ofFile(name), ErrorCode.IO, "no such file"));
        }
        Lang lang = RDFLanguages.filenameToLang(name, Lang.TURTLE);
        RdfGuard.check(file, lang, name);
        RDFParserBuilder builder = RDFParser.source(file).lang(lang).labelToNode(LabelToNode.createIncremental())
                .errorHandler(new LocatedErrors(name));
        // Only JSON-LD can load documents; setting up its options costs every other read a third of a second.
        if (RDFLanguages.sameLang(lang, Lang.JSONLD) || RDFLanguages.sameLang(lang, Lang.JSONLD11)) {
            JsonLdOptions options = new JsonLdOptions();
            options.setDocumentLoader(loader);
            Context context = new Context();
            context.set(LangJSONLD11.JSONLD_OPTIONS, options);
            builder.context(context);
        }
        return builder.build();
    }

    /** RIOT's errors and warnings, as located input errors. */
    record LocatedErrors(String name) implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
            // psikg's own RDF files must be clean: what RIOT only warns about (a bad lexical form) is a defect.
            fatal(message, line, col);
        }

        @Override
        public void error(String message, long line, long col) {
            fatal(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new InputException(InputError.of(new Location(name, (int) Math.max(line, 0), (int) Math.max(col, 0)),
                    ErrorCode.RDF_SYNTAX, message));
        }
    }
}
