package org.psikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.psikg.server.html.Html;

/**
 * /dumps/: a page listing the dumps, each dump ({@code psikg.trig.gz}, {@code psikg.nq.gz},
 * served as application/gzip so that clients save the compressed bytes the checksum is of)
 * and its {@code .sha256} file in the format {@code sha256sum -c} reads.
 * <pre>
 * builder.addServlet("/dumps/*", new DumpsServlet(data.dumps()));
 * </pre>
 */
public final class DumpsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Dumps dumps;

    public DumpsServlet(Dumps dumps) {
        this.dumps = dumps;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? null : request.getPathInfo().substring(1);
        if (name == null) {
            response.sendRedirect(request.getContextPath() + "/dumps/");
            return;
        }
        if (name.isEmpty()) {
            Representation.writeHtml(response, listing());
            return;
        }
        boolean checksum = name.endsWith(".sha256");
        Optional<Dumps.File> file = dumps.file(checksum ? name.substring(0, name.length() - ".sha256".length()) : name);
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

    private String listing() {
        Html h = new Html();
        h.element("h1", "Dumps");
        h.element("p", "The whole dataset, every named graph, sorted as psikg build writes it (so the same data always"
                + " gives the same bytes), gzipped. Check a download with: sha256sum -c psikg.trig.gz.sha256");
        h.open("table").open("tr").element("th", "file").element("th", "bytes").element("th", "SHA-256").close("tr");
        for (Dumps.File f : dumps.all().values()) {
            h.open("tr").open("td").link(f.name(), f.name()).raw(" (").text(f.mediaType()).raw(", gzip)").close("td")
                    .element("td", Integer.toString(f.bytes().length))
                    .open("td").link(f.name() + ".sha256", f.sha256()).close("td").close("tr");
        }
        h.close("table");
        return Html.page("Dumps", h.toString());
    }
}
