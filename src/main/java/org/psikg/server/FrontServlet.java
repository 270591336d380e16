package org.psikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
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
        Optional<Representation> r = Representation.negotiate(request, response, Representation.ALL);
        if (r.isEmpty()) {
            return;
        }
        Site site = Site.of(request, settings);
        Representation.respond(response, r.get(), data.dataset(),
                () -> FrontPage.render(data.frontFacts(), new Values(new Labels(data.dataset(), data.prefixes()), site)),
                () -> VoidDescription.graph(data, site));
    }
}
