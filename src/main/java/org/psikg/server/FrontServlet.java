package org.psikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.system.Txn;
import org.psikg.server.html.FrontPage;
import org.psikg.server.html.Labels;
import org.psikg.server.html.Values;

/**
 * The front page at /: HTML for browsers ({@link FrontPage}), and for RDF clients the VoID
 * description of the dataset (Turtle, JSON-LD, RDF/XML, N-Triples), by content negotiation
 * with {@code Vary: Accept}. {@code /?query=...}, the address of the editor's links before it
 * moved to /sparql, is redirected there.
 * <pre>
 * builder.addServlet("", new FrontServlet(data, settings));
 * </pre>
 */
public final class FrontServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ServedData data;
    private final transient ServerSettings settings;

    public FrontServlet(ServedData data, ServerSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.isEmpty() && !path.equals("/")) {
            Representation.error(response, HttpServletResponse.SC_NOT_FOUND, "nothing is known about " + path);
            return;
        }
        if (request.getParameter("query") != null) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + "/sparql?" + request.getQueryString());
            return;
        }
        response.addHeader("Vary", "Accept");
        Optional<Representation> chosen = Representation.choose(request, Representation.ALL);
        if (chosen.isEmpty()) {
            Representation.notAcceptable(response, Representation.ALL);
            return;
        }
        Representation r = chosen.get();
        Representation.linkAlternates(response, r, Representation.ALL);
        Site site = Site.of(request, settings);
        if (r == Representation.HTML) {
            String page = Txn.calculateRead(data.dataset(),
                    () -> FrontPage.render(data.dataset(), new Values(new Labels(data.dataset(), data.prefixes()), site)));
            Representation.writeHtml(response, page);
        } else {
            Graph g = Txn.calculateRead(data.dataset(), () -> VoidDescription.graph(data, site));
            r.write(response, g, g.getPrefixMapping());
        }
    }
}
