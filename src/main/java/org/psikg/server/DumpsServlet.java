package org.psikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
        byte[] bytes = checksum ? file.get().sha256Line().getBytes(StandardCharsets.UTF_8) : file.get().bytes();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(checksum ? "text/plain; charset=utf-8" : "application/gzip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
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
        OutputStream out = response.getOutputStream();
        if (acceptsGzip(request.getHeader("Accept-Encoding"))) {
            response.setHeader("Content-Encoding", "gzip");
            response.setContentLength(f.bytes().length);
            out.write(f.bytes());
        } else {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(f.bytes()))) {
                in.transferTo(out);
            }
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
                    .element("td", Integer.toString(f.bytes().length))
                    .open("td").link(f.name() + ".sha256", f.sha256()).close("td").close("tr");
        }
        h.close("table");
        h.element("p", "This list is also the VoID in Turtle, JSON-LD, RDF/XML or N-Triples, and a client asking this address"
                + " for TriG or N-Quads gets the dump itself (gzipped if it accepts gzip): by the Accept header, or ?format=.",
                "class", "muted");
        return Html.page("Dumps", h.toString(), PageHead.alternates(OFFERS));
    }
}
