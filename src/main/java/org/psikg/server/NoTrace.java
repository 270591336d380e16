package org.psikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * TRACE (and TRACK) refused with 405 on every path, and left out of the {@code Allow} of OPTIONS: the servlet API's default answers TRACE by
 * echoing the request, headers included, on every servlet psikg adds (the front page, the
 * linked data), which a page script could use to read what a proxy added to its requests.
 * <pre>
 * builder.addFilter("/*", new NoTrace());
 * </pre>
 */
final class NoTrace implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        String method = ((HttpServletRequest) req).getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("TRACE") || method.equals("TRACK")) {
            HttpServletResponse response = (HttpServletResponse) resp;
            response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            Representation.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, method + " is not answered by this server");
            return;
        }
        chain.doFilter(req, method.equals("OPTIONS") ? new NoTraceAllowed((HttpServletResponse) resp) : resp);
    }

    /** An answer to OPTIONS whose {@code Allow} does not list TRACE (the servlet API's default lists it). */
    private static final class NoTraceAllowed extends HttpServletResponseWrapper {
        NoTraceAllowed(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Allow".equalsIgnoreCase(name) ? withoutTrace(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Allow".equalsIgnoreCase(name) ? withoutTrace(value) : value);
        }

        private static String withoutTrace(String allow) {
            return allow == null ? null : Arrays.stream(allow.split(",")).map(String::strip)
                    .filter(m -> !m.equalsIgnoreCase("TRACE") && !m.equalsIgnoreCase("TRACK")).collect(Collectors.joining(", "));
        }
    }
}
