package org.psikg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * The representations a linked-data resource has (Turtle, JSON-LD, RDF/XML, N-Triples and
 * HTML; the dumps also TriG and N-Quads), how one is chosen for a request (the Accept header,
 * or {@code ?format=} for links a browser can follow), and how a graph is written in it.
 * <pre>
 * Optional&lt;Representation&gt; r = Representation.negotiate(request, response, Representation.ALL);
 * if (r.isPresent()) {
 *     Representation.respond(response, r.get(), dsg, () -&gt; page, () -&gt; graph);
 * }
 * </pre>
 */
public enum Representation {
    TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY),
    JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD),
    RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_PLAIN),
    NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES),
    HTML("text/html", "html", null),
    /** Dataset formats: only the dumps (/dumps/) are offered in them. */
    TRIG("application/trig", "trig", RDFFormat.TRIG_BLOCKS),
    NQUADS("application/n-quads", "nq", RDFFormat.NQUADS);

    /** What a linked-data resource offers, in the order that breaks ties: Turtle for {@code *}{@code /*} (curl), HTML when asked for. */
    public static final List<Representation> ALL = List.of(TURTLE, JSONLD, RDFXML, NTRIPLES, HTML);
    /** The RDF representations only. */
    public static final List<Representation> RDF = List.of(TURTLE, JSONLD, RDFXML, NTRIPLES);

    private final String mediaType;
    private final String shortName;
    private final RDFFormat format;

    Representation(String mediaType, String shortName, RDFFormat format) {
        this.mediaType = mediaType;
        this.shortName = shortName;
        this.format = format;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The value of {@code ?format=} that asks for it. */
    public String shortName() {
        return shortName;
    }

    /** The Content-Type header: text formats say their charset. */
    public String contentType() {
        return this == TURTLE || this == TRIG || this == HTML ? mediaType + "; charset=utf-8" : mediaType;
    }

    public boolean isRdf() {
        return format != null;
    }

    /**
     * The representation for a request: {@code ?format=} if given (empty if it names none of
     * {@code offers}), else the Accept header. Empty means 406.
     */
    public static Optional<Representation> choose(HttpServletRequest request, List<Representation> offers) {
        String param = request.getParameter("format");
        if (param != null) {
            String p = param.toLowerCase(Locale.ROOT);
            return offers.stream().filter(r -> r.shortName.equals(p) || r.mediaType.equals(p)).findFirst();
        }
        Optional<String> media = AcceptHeader.parse(request.getHeader("Accept"))
                .choose(offers.stream().map(Representation::mediaType).toList());
        return media.flatMap(m -> Arrays.stream(values()).filter(r -> r.mediaType.equals(m)).findFirst());
    }

    /**
     * Content negotiation for one request: sets {@code Vary: Accept}, chooses among
     * {@code offers} ({@link #choose}) and names the others in a {@code Link} header; when
     * none fits, answers 406 with the list and returns empty.
     */
    public static Optional<Representation> negotiate(HttpServletRequest request, HttpServletResponse response,
                                                     List<Representation> offers) throws IOException {
        response.addHeader("Vary", "Accept");
        Optional<Representation> chosen = choose(request, offers);
        if (chosen.isEmpty()) {
            notAcceptable(response, offers);
            return chosen;
        }
        linkAlternates(response, chosen.get(), offers);
        return chosen;
    }

    /**
     * Answers with the page ({@code html}) or the graph ({@code rdf}) that {@code r} asks
     * for, made in a read transaction on {@code dsg}.
     */
    public static void respond(HttpServletResponse response, Representation r, DatasetGraph dsg, Supplier<String> html,
                               Supplier<Graph> rdf) throws IOException {
        if (r == HTML) {
            writeHtml(response, Txn.calculateRead(dsg, html));
        } else {
            Graph g = Txn.calculateRead(dsg, rdf);
            r.write(response, g, g.getPrefixMapping());
        }
    }

    /** Writes an RDF graph with the status 200. */
    public void write(HttpServletResponse response, Graph graph, PrefixMapping prefixes) throws IOException {
        if (!isRdf()) {
            throw new IllegalStateException("not an RDF representation: " + this);
        }
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(prefixes);
        graph.find().forEach(g::add);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType());
        OutputStream out = response.getOutputStream();
        RDFWriter.source(g).format(format).output(out);
        out.flush();
    }

    /**
     * The policy of the generated pages: scripts, styles and data of this server only (the
     * reader's and the charts' scripts, which ask this server's endpoint); no inline or
     * evaluated script, so should anything slip past the escaping, it cannot run.
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Writes an HTML page with the status 200. */
    public static void writeHtml(HttpServletResponse response, String page) throws IOException {
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(HTML.contentType());
        response.setHeader("Content-Security-Policy", PAGE_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * The {@code Link} header (RFC 8288) naming the other representations of the resource
     * asked for, each at {@code ?format=} of its own address.
     */
    public static void linkAlternates(HttpServletResponse response, Representation served, List<Representation> offers) {
        List<String> links = offers.stream().filter(r -> r != served)
                .map(r -> "<?format=" + r.shortName() + ">; rel=\"alternate\"; type=\"" + r.mediaType() + "\"").toList();
        if (!links.isEmpty()) {
            response.setHeader("Link", String.join(", ", links));
        }
    }

    /** A plain-text error: the status and one line saying why. */
    public static void error(HttpServletResponse response, int status, String message) throws IOException {
        byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** 406 with the list of what is on offer. */
    public static void notAcceptable(HttpServletResponse response, List<Representation> offers) throws IOException {
        error(response, HttpServletResponse.SC_NOT_ACCEPTABLE, "not acceptable; available: "
                + String.join(", ", offers.stream().map(Representation::mediaType).toList()));
    }
}
