package org.psikg.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages (a bad URI, a request head too large, an unsupported HTTP
 * version, a body over the limit: answered before any filter runs) with the headers of every
 * other psikg answer: {@code nosniff} and a CSP that allows nothing, so that the reason Jetty
 * echoes can never be run as a page. A body over the limit gets psikg's own one-line reason,
 * naming the limit ({@link RequestSizeLimit#tooLargeMessage}), whatever the method: Jetty
 * writes error bodies only for GET, POST and HEAD, and a Graph Store PUT refused as too large
 * must say why.
 * <pre>
 * jetty.setErrorHandler(new JettyErrors(settings.maxRequestBytes()));
 * </pre>
 */
final class JettyErrors extends ErrorHandler {
    private final int maxRequestBytes;

    JettyErrors(int maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", "default-src 'none'");
        if (code == 413) {
            byte[] body = (RequestSizeLimit.tooLargeMessage(maxRequestBytes) + "\n").getBytes(StandardCharsets.UTF_8);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return;
        }
        super.generateResponse(request, response, code, message, cause, callback);
    }
}
