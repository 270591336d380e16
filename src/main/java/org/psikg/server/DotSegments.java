package org.psikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses (400) a request whose path has a {@code .} or {@code ..} segment, written plainly,
 * percent-encoded once or twice, or with {@code ;parameters}, or a segment that decodes to
 * a slash or backslash, before any other filter decides on its path. Jetty resolves dot
 * segments before it picks a servlet, so {@code /docs/../id/eaeu} reaches the linked-data
 * servlet while its raw path starts with {@code /docs/}: no rule may be decided on one and
 * served on the other. No link psikg makes has such a segment.
 * <pre>
 * builder.addFilter("/*", new DotSegments());
 * </pre>
 */
final class DotSegments implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (isAmbiguous(request.getRequestURI())) {
            Representation.error((HttpServletResponse) resp, 400,
                    "bad path: . and .. segments (plain or encoded) are not accepted here");
            return;
        }
        chain.doFilter(req, resp);
    }

    /** Whether the raw path has a dot segment or an encoded separator, in any spelling. */
    static boolean isAmbiguous(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            String s = segment;
            for (int round = 0; round < 3; round++) {
                int semi = s.indexOf(';');
                if (semi >= 0) {
                    s = s.substring(0, semi);
                }
                if (s.equals(".") || s.equals("..") || s.indexOf('/') >= 0 || s.indexOf('\\') >= 0) {
                    return true;
                }
                if (s.indexOf('%') < 0) {
                    break;
                }
                s = decode(s);
                if (s == null) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
