package org.psikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most so many requests in progress at once from one client address; more are answered
 * 429 with Retry-After at once, so that one client cannot take every thread of the server
 * with slow queries while others wait. The address is the connection's peer: an
 * X-Forwarded-For header is not believed (anyone can send one), except from the one reverse
 * proxy named by {@code --trusted-proxy}, and then only its last entry, the address the proxy
 * itself saw. Without it, every client behind a proxy has the proxy's address
 * (docs/security.md). The UI's files (the page, its scripts, prefixes and examples) and the
 * docs are not counted: a browser fetches them several at a time.
 * <pre>
 * builder.addFilter("/*", new ClientLimit(4));
 * </pre>
 */
final class ClientLimit implements Filter {
    static final String RETRY_AFTER_SECONDS = "1";
    /** The request attribute that names the client, for the limits further in ({@link QuerySlots}). */
    private static final String CLIENT = "org.psikg.client";

    private final int max;
    private final String trustedProxy;
    private final ConcurrentHashMap<String, Integer> inProgress = new ConcurrentHashMap<>();

    /** {@code trustedProxy}: the address whose X-Forwarded-For is believed, or null. */
    ClientLimit(int max, String trustedProxy) {
        this.max = max;
        this.trustedProxy = trustedProxy;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String client = clientOf(request);
        request.setAttribute(CLIENT, client);
        // The path the servlets will see, decoded and normalised (DotSegments has refused
        // any . or .. segment already), not the raw URI.
        if (isStatic(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))) {
            chain.doFilter(req, resp);
            return;
        }
        int now = inProgress.merge(client, 1, Integer::sum);
        try {
            if (now > max) {
                HttpServletResponse response = (HttpServletResponse) resp;
                response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
                Representation.error(response, 429, "too many requests at once from " + client + ": at most " + max
                        + " may be in progress; retry when one has been answered");
                return;
            }
            chain.doFilter(req, resp);
        } finally {
            inProgress.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** The client of a request as this filter named it, or its peer's address if it did not. */
    static String client(HttpServletRequest request) {
        Object c = request.getAttribute(CLIENT);
        return c instanceof String s ? s : request.getRemoteAddr();
    }

    private String clientOf(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trustedProxy == null || !trustedProxy.equals(peer)) {
            return peer;
        }
        String last = null;
        for (var values = request.getHeaders("X-Forwarded-For"); values.hasMoreElements();) {
            for (String entry : values.nextElement().split(",")) {
                if (!entry.isBlank()) {
                    last = entry.strip();
                }
            }
        }
        return last == null ? peer : last;
    }

    private static boolean isStatic(String path) {
        return path.equals("/") || path.startsWith("/ui/") || path.startsWith("/docs/") || path.equals("/favicon.ico")
                || path.equals("/prefixes.json") || path.equals("/examples.json");
    }
}
