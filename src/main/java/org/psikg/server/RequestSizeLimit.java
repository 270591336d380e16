package org.psikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.HttpException;

/**
 * The request-size limit, before anything reads the request: a body announced (Content-Length)
 * as larger than the limit is answered 413, a query string (a GET {@code ?query=}) longer
 * than it 414. A body that comes without a length is counted as it is read: by
 * {@link QueryService} for query bodies (413 there too), and by Jetty's SizeLimitHandler for
 * everything else (see {@link PsikgServer}).
 * <pre>
 * builder.addFilter("/*", new RequestSizeLimit(1 &lt;&lt; 20));
 * </pre>
 */
final class RequestSizeLimit implements Filter {
    private final int maxBytes;

    RequestSizeLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String query = request.getQueryString();
        if (query != null && query.length() > maxBytes) {
            Representation.error(response, 414, "URI too long: a query string of " + query.length()
                    + " bytes, more than the " + maxBytes + " this server accepts; send a long query by POST");
            return;
        }
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            tooLarge(response, maxBytes);
            return;
        }
        if (length < 0 && isForm(request)) {
            // Read the form now (the servlet API keeps it): a streamed form over the limit
            // fails in Jetty's SizeLimitHandler, which Fuseki would turn into a 500.
            try {
                request.getParameterMap();
            } catch (RuntimeException e) {
                if (isTooLarge(e)) {
                    tooLarge(response, maxBytes);
                    return;
                }
                throw e;
            }
        }
        chain.doFilter(req, resp);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() == 413) {
                return true;
            }
        }
        return false;
    }

    static void tooLarge(HttpServletResponse response, int maxBytes) throws IOException {
        response.setHeader("Connection", "close");
        Representation.error(response, 413, tooLargeMessage(maxBytes));
    }

    static String tooLargeMessage(int maxBytes) {
        return "request body too large: more than the " + maxBytes + " bytes this server accepts";
    }
}
