package org.psikg.server;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.jena.graph.Node;
import org.psikg.vocab.PsikgIris;

/**
 * Where this server is, as seen by one request, and how psikg's IRIs map onto it: the
 * brief's {@code https://w3id.org/psikg/id/russia} is served at {@code /id/russia} of this
 * host. The base is {@code --base-url} when given (behind a proxy), else the request's own
 * scheme, host and port.
 * <pre>
 * Site site = Site.of(request, settings);
 * site.url("/psikg/sparql");                                   // http://127.0.0.1:3030/psikg/sparql
 * site.href(NodeFactory.createURI("https://w3id.org/psikg/id/russia"));   // http://127.0.0.1:3030/id/russia
 * </pre>
 */
public record Site(String base) {

    public static Site of(HttpServletRequest request, ServerSettings settings) {
        if (settings.baseUrl() != null) {
            return new Site(stripSlash(settings.baseUrl()));
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return new Site(scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath());
    }

    /** An absolute URL of a path on this server ({@code path} starts with a slash). */
    public String url(String path) {
        return base + path;
    }

    public String endpoint() {
        return url(ServerSettings.DATASET + "/sparql");
    }

    /** Where to look an IRI up: psikg's own IRIs on this server, any other IRI where it is. */
    public String href(Node iri) {
        String uri = iri.getURI();
        return uri.startsWith(PsikgIris.BASE) ? url("/" + uri.substring(PsikgIris.BASE.length())) : uri;
    }

    /** The psikg IRI a local path stands for ({@code /id/russia}: {@code https://w3id.org/psikg/id/russia}). */
    public static String iriOf(String path) {
        return PsikgIris.BASE + path.substring(1);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
