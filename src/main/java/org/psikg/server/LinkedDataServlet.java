package org.psikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.psikg.server.html.DescriptionPage;
import org.psikg.server.html.GraphPage;
import org.psikg.server.html.Html;
import org.psikg.server.html.Labels;
import org.psikg.server.html.OntologyPage;
import org.psikg.server.html.ReaderPage;
import org.psikg.server.html.ThingPage;
import org.psikg.server.html.Values;
import org.psikg.vocab.PsikgIris;

/**
 * The linked-data front: psikg's IRIs dereferenced on this host, each in Turtle, JSON-LD,
 * RDF/XML, N-Triples or HTML by content negotiation (or {@code ?format=}), always with
 * {@code Vary: Accept}; 404 for what the data does not mention, 406 when no representation
 * fits the Accept header.
 * <ul>
 * <li>{@code /id/{slug}}, {@code /article/{id}} and every node below it: the thing's arcs
 *     in both directions ({@code describe.rq}); in HTML, with evidence ({@link ThingPage}).</li>
 * <li>{@code /graph/{name}}: the named graph; in HTML, its metadata and subjects.</li>
 * <li>{@code /ontology} (and its version IRI): the ontology graph; in HTML, its reference.</li>
 * <li>{@code /.well-known/void} and {@code /dataset}: the VoID and DCAT description.</li>
 * </ul>
 * <pre>
 * builder.addServlet("/id/*", new LinkedDataServlet(data, settings));
 * </pre>
 */
public final class LinkedDataServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final Pattern THING = Pattern.compile("/id/[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ARTICLE = Pattern.compile("/article(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");
    private static final Pattern GRAPH = Pattern.compile("/graph/[A-Za-z0-9_~-][A-Za-z0-9._~-]*");
    private static final Pattern ONTOLOGY_VERSION = Pattern.compile("/ontology/[A-Za-z0-9._-]+");

    /** What a path names. */
    private sealed interface Target permits Thing, NamedGraph, OntologyGraph, VoidGraph {
    }

    private record Thing(Node iri) implements Target {
    }

    private record NamedGraph(Node name) implements Target {
    }

    private record OntologyGraph() implements Target {
    }

    private record VoidGraph() implements Target {
    }

    private final transient ServedData data;
    private final transient ServerSettings settings;

    public LinkedDataServlet(ServedData data, ServerSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        DatasetGraph dsg = data.dataset();
        Optional<Target> target = Txn.calculateRead(dsg, () -> resolve(path, dsg));
        if (target.isEmpty()) {
            response.addHeader("Vary", "Accept");
            Representation.error(response, HttpServletResponse.SC_NOT_FOUND, "nothing is known about " + path);
            return;
        }
        Optional<Representation> r = Representation.negotiate(request, response, Representation.ALL);
        if (r.isEmpty()) {
            return;
        }
        Site site = Site.of(request, settings);
        Representation.respond(response, r.get(), dsg, () -> html(target.get(), site), () -> rdf(target.get(), site));
    }

    private Optional<Target> resolve(String path, DatasetGraph dsg) {
        if (path.equals("/ontology")) {
            return Optional.of(new OntologyGraph());
        }
        if (ONTOLOGY_VERSION.matcher(path).matches()) {
            Node version = NodeFactory.createURI(Site.iriOf(path));
            boolean current = dsg.getGraph(PsikgIris.ONTOLOGY_GRAPH).contains(Node.ANY, OWL.versionIRI.asNode(), version);
            return current ? Optional.of(new OntologyGraph()) : Optional.empty();
        }
        if (path.equals("/.well-known/void") || path.equals("/dataset")) {
            return Optional.of(new VoidGraph());
        }
        if (GRAPH.matcher(path).matches()) {
            Node g = NodeFactory.createURI(Site.iriOf(path));
            return dsg.containsGraph(g) ? Optional.of(new NamedGraph(g)) : Optional.empty();
        }
        if ((THING.matcher(path).matches() || ARTICLE.matcher(path).matches()) && !path.contains("/../") && !path.endsWith("/..")) {
            Node iri = NodeFactory.createURI(Site.iriOf(path));
            boolean known = dsg.find(Node.ANY, iri, Node.ANY, Node.ANY).hasNext() || dsg.find(Node.ANY, Node.ANY, Node.ANY, iri).hasNext();
            return known ? Optional.of(new Thing(iri)) : Optional.empty();
        }
        return Optional.empty();
    }

    private Graph rdf(Target target, Site site) {
        DatasetGraph dsg = data.dataset();
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(data.prefixes());
        if (target instanceof Thing t) {
            ServerQueries.construct(dsg, "describe.rq", Map.of("thing", t.iri())).find().forEach(out::add);
        } else if (target instanceof NamedGraph g) {
            dsg.getGraph(g.name()).find().forEach(out::add);
        } else if (target instanceof OntologyGraph) {
            dsg.getGraph(PsikgIris.ONTOLOGY_GRAPH).find().forEach(out::add);
        } else {
            Graph voidGraph = VoidDescription.graph(data, site);
            voidGraph.find().forEach(out::add);
            out.getPrefixMapping().setNsPrefixes(voidGraph.getPrefixMapping());
        }
        return out;
    }

    private String html(Target target, Site site) {
        DatasetGraph dsg = data.dataset();
        Values values = new Values(new Labels(dsg, data.prefixes()), site);
        if (target instanceof Thing t) {
            return ReaderPage.render(dsg, t.iri(), values).orElseGet(() -> ThingPage.render(dsg, t.iri(), values));
        }
        if (target instanceof NamedGraph g) {
            return GraphPage.render(dsg, g.name(), values);
        }
        if (target instanceof OntologyGraph) {
            return OntologyPage.render(dsg, values);
        }
        Html intro = new Html();
        intro.open("p").text("The VoID and DCAT description of the dataset: its licence, its graphs and their"
                + " sizes, the SPARQL endpoint and the dumps.").close("p");
        return DescriptionPage.render("Dataset description (VoID)", VoidDescription.graph(data, site),
                PsikgIris.DATASET, intro.toString(), values);
    }
}
