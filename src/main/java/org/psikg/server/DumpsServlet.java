package org.psikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.psikg.server.html.Html;
import org.psikg.server.html.PageHead;

/**
 * /dumps/: the list of the dumps, by content negotiation ({@code Vary: Accept}): a page for
 * browsers; the VoID (which lists each dump with its size and SHA-256 as a DCAT distribution)
 * in Turtle, JSON-LD, RDF/XML or N-Triples; and the dump itself for a client that asks for
 * TriG or N-Quads, sent gzipped ({@code Content-Encoding: gzip}, the dump's own bytes) when
 * the client accepts gzip, else unzipped ({@code Vary: Accept, Accept-Encoding}). Then each
 * dump by name ({@code psikg.trig.gz}, {@code psikg.nq.gz}, served as application/gzip so
 * that clients save the compressed bytes the checksum is of) and its {@code .sha256} file in
 * the format {@code sha256sum -c} reads.
 * <pre>
 * builder.addServlet("/dumps/*", new DumpsServlet(data, settings));
 * </pre>
 */
public final class DumpsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** What /dumps/ offers, in the order that breaks ties: the description in Turtle for {@code *}{@code /*}, as everywhere. */
    static final List<Representation> OFFERS = List.of(Representation.TURTLE, Representation.JSONLD, Representation.RDFXML,
            Representation.NTRIPLES, Representation.HTML, Representation.TRIG, Representation.NQUADS);

    private final transient ServedData data;
    private final transient ServerSettings settings;

    public DumpsServlet(ServedData data, ServerSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? null : request.getPathInfo().substring(1);
        if (name == null) {
            response.sendRedirect(request.getContextPath() + "/dumps/");
            return;
        }
        if (name.isEmpty()) {
            list(request, response);
            return;
        }
        boolean checksum = name.endsWith(".sha256");
        Optional<Dumps.File> file = data.dumps().file(checksum ? name.substring(0, name.length() - ".sha256".length()) : name);
        if (file.isEmpty()) {
            Representation.error(response, HttpServletResponse.SC_NOT_FOUND, "no such dump; see /dumps/");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(checksum ? "text/plain; charset=utf-8" : "application/gzip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        if (checksum) {
            byte[] bytes = file.get().sha256Line().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } else if (!ConditionalGet.validated(request, response, file.get().sha256())) {
            send(request, response, file.get());
        }
    }

    /** The file's bytes as they are, streamed from where they are kept (a dump may be hundreds of MB); none for HEAD. */
    private static void send(HttpServletRequest request, HttpServletResponse response, Dumps.File file) throws IOException {
        response.setContentLengthLong(file.size());
        if (request.getMethod().equals("HEAD")) {
            return;
        }
        try (InputStream in = file.open()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Representation> r = Representation.negotiate(request, response, OFFERS);
        if (r.isEmpty()) {
            return;
        }
        if (r.get() == Representation.TRIG || r.get() == Representation.NQUADS) {
            response.addHeader("Vary", "Accept-Encoding");
            dump(request, response, r.get());
            return;
        }
        Site site = Site.of(request, settings);
        Representation.respond(response, r.get(), data.dataset(), this::page, () -> VoidDescription.graph(data, site));
    }

    /** The whole dump in the dataset format asked for: its gzip bytes as they are, or unzipped for a client that takes no gzip. */
    private void dump(HttpServletRequest request, HttpServletResponse response, Representation format) throws IOException {
        Dumps.File f = data.dumps().file(format == Representation.TRIG ? Dumps.NAMES.get(0) : Dumps.NAMES.get(1)).orElseThrow();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(format.contentType());
        if (acceptsGzip(request.getHeader("Accept-Encoding"))) {
            response.setHeader("Content-Encoding", "gzip");
            if (!ConditionalGet.validated(request, response, f.sha256())) {
                send(request, response, f);
            }
            return;
        }
        // Unzipped, the answer is other bytes than the file's, so it gets another tag: a
        // hash of the file's, which names the unzipped bytes just as well (they are a function of it).
        if (ConditionalGet.validated(request, response, Dumps.sha256((f.sha256() + " gunzipped").getBytes(StandardCharsets.UTF_8)))
                || request.getMethod().equals("HEAD")) {
            return;
        }
        try (InputStream in = new GZIPInputStream(f.open())) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** Whether an Accept-Encoding header takes gzip (by name or {@code *}, with a quality above 0; RFC 9110, 12.5.3). */
    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        boolean star = false;
        for (String entry : header.split(",")) {
            String[] parts = entry.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(p.substring(2).strip()) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return !refused;
            }
            star |= coding.equals("*") && !refused;
        }
        return star;
    }

    private String page() {
        Html h = new Html();
        h.element("h1", "Dumps");
        h.element("p", "The whole dataset, every named graph, sorted as psikg build writes it (so the same data always"
                + " gives the same bytes), gzipped. Check a download with: sha256sum -c psikg.trig.gz.sha256");
        h.open("table").open("tr").element("th", "file").element("th", "bytes").element("th", "SHA-256").close("tr");
        for (Dumps.File f : data.dumps().all().values()) {
            h.open("tr").open("td").link(f.name(), f.name()).raw(" (").text(f.mediaType()).raw(", gzip)").close("td")
                    .element("td", Long.toString(f.size()))
                    .open("td").link(f.name() + ".sha256", f.sha256()).close("td").close("tr");
        }
        h.close("table");
        h.element("p", "This list is also the VoID in Turtle, JSON-LD, RDF/XML or N-Triples, and a client asking this address"
                + " for TriG or N-Quads gets the dump itself (gzipped if it accepts gzip): by the Accept header, or ?format=.",
                "class", "muted");
        return Html.page("Dumps", h.toString(), PageHead.alternates(OFFERS));
    }
}
