package org.psikg.server;

import java.io.IOException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages (a bad URI, a request head too large, an unsupported HTTP
 * version: answered before any filter runs) with the headers of every other psikg answer:
 * {@code nosniff} and a CSP that allows nothing, so that the reason Jetty echoes can never
 * be run as a page.
 * <pre>
 * jetty.setErrorHandler(new JettyErrors());
 * </pre>
 */
final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", "default-src 'none'");
        super.generateResponse(request, response, code, message, cause, callback);
    }
}
