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
 * everything else (see {@link PsikgServer}). A form is read here, so that one too large or of
 * too many fields is a 413 or a 400 that says so, not a 500 from Fuseki.
 * <pre>
 * builder.addFilter("/*", new RequestSizeLimit(1 &lt;&lt; 20));
 * </pre>
 */
final class RequestSizeLimit implements Filter {
    /** The most fields of a form Jetty reads (its default), which this filter's message names. */
    static final int MAX_FORM_FIELDS = 1000;

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
        if (isForm(request)) {
            // Read the form now (the servlet API keeps it): a streamed form over the limit
            // fails in Jetty's SizeLimitHandler, and a form of more fields than Jetty reads
            // fails in Jetty's parser; Fuseki would turn either into a 500.
            try {
                request.getParameterMap();
            } catch (RuntimeException e) {
                // Jetty reports too many fields as 413 too: told apart by what it says.
                if (isTooLarge(e) && !mentionsFields(e)) {
                    tooLarge(response, maxBytes);
                } else {
                    Representation.error(response, HttpServletResponse.SC_BAD_REQUEST, "cannot read the form: more than "
                            + MAX_FORM_FIELDS + " fields, or not form-urlencoded; a SPARQL request needs a few");
                }
                return;
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

    private static boolean mentionsFields(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("field") || m.contains("key")) {
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
