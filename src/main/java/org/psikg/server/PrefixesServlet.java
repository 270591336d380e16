package org.psikg.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.TreeMap;

/**
 * The prefixes of the served graph at /prefixes.json, as one JSON object {@code {"psi":
 * "https://w3id.org/psikg/ontology#", ...}} sorted by prefix: the shape of prefix.cc's
 * {@code all.file.json}, so that the UI's editor preloads them and completes them from here
 * instead of asking prefix.cc.
 * <pre>
 * builder.addServlet("/prefixes.json", new PrefixesServlet(data));
 * </pre>
 */
public final class PrefixesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient ServedData data;

    public PrefixesServlet(ServedData data) {
        this.data = data;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(new TreeMap<>(data.prefixes().getNsPrefixMap()));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
