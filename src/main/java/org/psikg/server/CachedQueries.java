package org.psikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

/**
 * The result cache in front of the SPARQL endpoint (/psikg/sparql), for a server whose data
 * cannot change. A query (GET, or POST as a form or as {@code application/sparql-query}) is
 * looked up by its key:
 * <ul>
 * <li>the query parsed and written again by Jena, so that whitespace, comments and (for
 *     SELECT and ASK, whose answers do not show them) the prefixes used do not matter;</li>
 * <li>every other request parameter but {@code timeout} (the graphs of
 *     {@code default-graph-uri} and {@code named-graph-uri}, {@code format}...);</li>
 * <li>the {@code Accept} header as sent: two headers that choose the same format are two
 *     entries with the same bytes, never one entry with the wrong bytes.</li>
 * </ul>
 * The text as sent is kept too, as an alias of that key: an exact repeat is found without
 * parsing the query again.
 * Only a complete 200 answer is kept (an error, a timeout, an answer over the row cap are
 * not: the endpoint answers those with an error status, never a cut 200), and not a query
 * that calls NOW, RAND, UUID, STRUUID or BNODE, whose answers differ from run to run. Every
 * answer, kept or not, gets a strong {@code ETag} (the SHA-256 of its bytes); a GET whose
 * {@code If-None-Match} names it gets 304 (a POST never does: RFC 9110 gives 304 to GET and
 * HEAD only), and {@code Cache-Control: no-cache} in place of Fuseki's {@code no-store}, so
 * that a client may keep it and revalidate. {@code X-Psikg-Cache: hit} or {@code miss} says which it was. Without a
 * cache (--allow-update, or size 0) the answers still get their ETag and 304.
 * A query the cache cannot parse (as SPARQL 1.1, unless ARQ's syntax is allowed), one over the
 * length and nesting limits, or one with a malformed {@code timeout}, goes to the endpoint
 * unlooked-up, which refuses it; whatever else the endpoint refuses (the query gate, the
 * refused parameters) is refused by the query or the parameters of the key, so never kept.
 * <pre>
 * builder.addFilter(ServerSettings.DATASET + "/sparql", new CachedQueries(new ResultCache(64L &lt;&lt; 20), settings));
 * </pre>
 */
public final class CachedQueries implements Filter {
    static final String STATUS_HEADER = "X-Psikg-Cache";

    /** The functions whose answers change from one run to the next. */
    private static final Pattern VOLATILE = Pattern.compile("\\b(NOW|RAND|UUID|STRUUID|BNODE)\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    /** Headers of one exchange, not of the answer. */
    private static final Set<String> NOT_KEPT = Set.of("content-length", "content-type", "date", "set-cookie",
            "fuseki-request-id", "etag", "cache-control", "pragma", STATUS_HEADER.toLowerCase(Locale.ROOT));

    private final ResultCache cache;
    private final ServerSettings settings;

    /** {@code cache}: null for validators only (the data may change, or no size was given). */
    public CachedQueries(ResultCache cache, ServerSettings settings) {
        this.cache = cache;
        this.settings = settings;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        HttpServletRequest forward = request;
        String text = null;
        String contentType = request.getContentType() == null ? ""
                : request.getContentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (request.getMethod().equals("GET")
                || (request.getMethod().equals("POST") && contentType.equals("application/x-www-form-urlencoded"))) {
            text = request.getParameter("query");
        } else if (request.getMethod().equals("POST") && contentType.equals("application/sparql-query")) {
            long length = request.getContentLengthLong();
            if (length >= 0 && length <= settings.maxRequestBytes()) {
                byte[] body = readBody(request, (int) length);
                forward = new Replayed(request, body);
                text = new String(body, StandardCharsets.UTF_8);
            }
        }
        if (text == null) {
            chain.doFilter(forward, response);
            return;
        }
        String timeout = request.getParameter("timeout");
        boolean lookUp = cache != null && (timeout == null || QueryService.requestedTimeout(timeout) != null);
        String prefix = lookUp ? prefix(request) : null;
        String raw = lookUp ? prefix + "R\n" + text : null;
        // The text as sent first: a repeat is answered without parsing it again.
        String key = lookUp ? cache.alias(raw) : null;
        if (lookUp && key == null) {
            String normalised = normalised(text);
            key = normalised == null ? null : prefix + "N\n" + normalised;
        }
        ResultCache.Answer answer = key == null ? null : cache.get(key);
        if (answer != null) {
            send(request, response, answer, "hit");
            return;
        }
        if (key != null) {
            response.setHeader(STATUS_HEADER, "miss");
        }
        Map<String, List<String>> before = headers(response);
        ConditionalGet.Buffered buffered = new ConditionalGet.Buffered(response);
        chain.doFilter(forward, buffered);
        byte[] body = buffered.bytes();
        if (buffered.getStatus() != HttpServletResponse.SC_OK) {
            buffered.flushTo(response, body);
            return;
        }
        List<String[]> headers = new ArrayList<>();
        if (response.getContentType() != null) {
            headers.add(new String[] {"Content-Type", response.getContentType()});
        }
        // What the endpoint set or changed (Fuseki adds to the Vary of the filters before it).
        for (Map.Entry<String, List<String>> h : headers(response).entrySet()) {
            if (!h.getValue().equals(before.get(h.getKey())) && !NOT_KEPT.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : h.getValue()) {
                    headers.add(new String[] {h.getKey(), value});
                }
            }
        }
        answer = new ResultCache.Answer(List.copyOf(headers), body, ConditionalGet.etagOf(body));
        if (key != null) {
            cache.put(key, answer, raw);
        }
        send(request, response, answer, key == null ? null : "miss");
    }

    /**
     * The query as Jena writes it after parsing it as the endpoint would, or null if it is not
     * to be cached (not parsed here, over the limits, volatile).
     */
    String normalised(String text) {
        if (QueryText.refusal(text, settings.maxQueryLength(), QueryText.MAX_NESTING).isPresent()) {
            return null;
        }
        Query query;
        try {
            // Parsed as the endpoint accepts it: a query it refuses is never answered from here.
            query = QueryFactory.create(text, Fuseki.BaseParserSPARQL,
                    settings.queryLimits().allowArqSyntax() ? Syntax.syntaxARQ : Syntax.syntaxSPARQL_11);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
        if (query.isSelectType() || query.isAskType()) {
            // The answer names no prefix: those of the query are only its spelling.
            query.getPrefixMapping().clearNsPrefixMap();
        }
        String normalised;
        try {
            normalised = query.serialize(Syntax.syntaxARQ);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
        return VOLATILE.matcher(normalised).find() ? null : normalised;
    }

    /**
     * The rest of the key: every parameter but the query and the timeout, each name and value
     * URL-encoded (so that no value can forge a line of another part), then the Accept header.
     */
    private static String prefix(HttpServletRequest request) {
        StringBuilder key = new StringBuilder();
        Map<String, String[]> params = new TreeMap<>(request.getParameterMap());
        params.remove("query");
        params.remove("timeout");
        for (Map.Entry<String, String[]> p : params.entrySet()) {
            for (String v : p.getValue()) {
                key.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('\n');
            }
        }
        String accept = request.getHeader("Accept");
        // A header value holds no line break (RFC 9110, 5.5).
        return key.append("Accept: ").append(accept == null ? "" : accept).append('\n').toString();
    }

    private static Map<String, List<String>> headers(HttpServletResponse response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : response.getHeaderNames()) {
            headers.put(name, List.copyOf(response.getHeaders(name)));
        }
        return headers;
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, ResultCache.Answer answer,
                             String how) throws IOException {
        String previous = null;
        for (String[] nv : answer.headers()) {
            if (nv[0].equals(previous)) {
                response.addHeader(nv[0], nv[1]);
            } else {
                response.setHeader(nv[0], nv[1]);
            }
            previous = nv[0];
        }
        response.setHeader("ETag", answer.etag());
        // Fuseki's no-store would keep every client from revalidating: store, but ask first.
        response.setHeader("Cache-Control", ConditionalGet.CACHE_CONTROL);
        response.setHeader("Pragma", null);
        if (how != null) {
            response.setHeader(STATUS_HEADER, how);
        }
        if (request.getMethod().equals("GET") && ConditionalGet.matches(request.getHeader("If-None-Match"), answer.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    private static byte[] readBody(HttpServletRequest request, int length) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(length);
        }
    }

    /** The request with its body read: the endpoint reads it again from memory. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking only");
                }
            };
        }
    }
}
