package org.psikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * CORS for GET and POST (and HEAD) only: a web page on another origin may query the endpoint
 * and read the linked data, and nothing else. A preflight for any other method (PUT,
 * DELETE...) is refused with 403 and no Access-Control headers, so the browser never sends
 * the request. Fuseki's own CORS filter, which allows writes, is off.
 * <pre>
 * builder.addFilter("/*", new CorsFilter("*"));
 * </pre>
 */
public final class CorsFilter implements Filter {
    static final Set<String> METHODS = Set.of("GET", "POST", "HEAD");
    static final String ALLOWED_HEADERS = "Accept, Accept-Language, Content-Language, Content-Type";

    private final String allowOrigin;

    /** {@code allowOrigin}: the Access-Control-Allow-Origin value ({@code *} or one origin). */
    public CorsFilter(String allowOrigin) {
        this.allowOrigin = allowOrigin;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String origin = request.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(req, resp);
            return;
        }
        response.addHeader("Vary", "Origin");
        String preflight = request.getHeader("Access-Control-Request-Method");
        if ("OPTIONS".equals(request.getMethod()) && preflight != null) {
            if (METHODS.contains(preflight) && allowed(origin)) {
                allowOrigin(response, origin);
                response.setHeader("Access-Control-Allow-Methods", "GET, POST");
                response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                response.setHeader("Access-Control-Max-Age", "600");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                Representation.error(response, HttpServletResponse.SC_FORBIDDEN,
                        "CORS: only GET and POST are allowed from other origins");
            }
            return;
        }
        if (METHODS.contains(request.getMethod()) && allowed(origin)) {
            allowOrigin(response, origin);
            response.setHeader("Access-Control-Expose-Headers", "Content-Type, Content-Length, Vary");
        }
        chain.doFilter(req, resp);
    }

    private boolean allowed(String origin) {
        return allowOrigin.equals("*") || allowOrigin.equals(origin);
    }

    private void allowOrigin(HttpServletResponse response, String origin) {
        response.setHeader("Access-Control-Allow-Origin", allowOrigin.equals("*") ? "*" : origin);
    }
}
