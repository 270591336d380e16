package org.psikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code X-Content-Type-Options: nosniff} on every response, Fuseki's included: a browser
 * must take a SPARQL result or an RDF file for what its Content-Type says, never for HTML
 * or script because of what the data in it looks like.
 * <pre>
 * builder.addFilter("/*", new NoSniff());
 * </pre>
 */
final class NoSniff implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        ((HttpServletResponse) resp).setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(req, resp);
    }
}
