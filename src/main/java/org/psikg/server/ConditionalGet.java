package org.psikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Conditional GET for the pages and resources of a read-only dataset: each 200 answer to a
 * GET or HEAD gets a strong {@code ETag} (the SHA-256 of its bytes, so it changes exactly when
 * the representation does) and, when the data cannot change, {@code Last-Modified} (when the
 * data was loaded); a request whose {@code If-None-Match} names that tag, or (without
 * If-None-Match) whose {@code If-Modified-Since} is not before it, gets 304 without a body
 * (RFC 9110, 13.1), and {@code Cache-Control: no-cache} unless it has one: a cache may keep
 * the answer but must ask again before using it, so a server restarted on new data is never
 * hidden behind a stale copy. The answer is buffered to be hashed: it is put only in front of bounded
 * answers: everything but the dataset's services under /psikg/ (the SPARQL endpoint, the
 * Graph Store), whose answers may be large and are not cached. An answer that knows its own
 * tag before it is written (a dump: the SHA-256 of its file) says so with {@link #validated}
 * and is streamed, not buffered.
 * <pre>
 * builder.addFilter("/*", new ConditionalGet(Instant.now(), true));
 * </pre>
 */
public final class ConditionalGet implements Filter {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** For the answers that set none themselves (pages, dumps; the UI's files set their own). */
    static final String CACHE_CONTROL = "no-cache";

    /** The request attribute by which {@link #validated} finds the filter and the buffer of a request. */
    private static final String ATTRIBUTE = ConditionalGet.class.getName();

    private final Instant loaded;
    private final boolean readOnly;

    /** {@code loaded}: when the data was loaded; {@code readOnly}: false with --allow-update (no Last-Modified). */
    public ConditionalGet(Instant loaded, boolean readOnly) {
        this.loaded = loaded.truncatedTo(ChronoUnit.SECONDS);
        this.readOnly = readOnly;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ((!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) || path.startsWith(ServerSettings.DATASET + "/")) {
            chain.doFilter(req, resp);
            return;
        }
        Buffered buffered = new Buffered(response);
        request.setAttribute(ATTRIBUTE, new Pending(this, buffered));
        chain.doFilter(request, buffered);
        if (buffered.streamed) {
            return;
        }
        byte[] body = buffered.bytes();
        if (buffered.getStatus() != HttpServletResponse.SC_OK) {
            buffered.flushTo(response, body);
            return;
        }
        if (!answer(request, response, etagOf(body))) {
            buffered.flushTo(response, body);
        }
    }

    /**
     * For a 200 answer whose servlet knows its tag before writing it (a dump, whose file's
     * SHA-256 is known): sets the validators as for any answer and, if the request's
     * validators match, sends the 304 and returns true (the servlet then writes nothing); else
     * what the servlet writes next goes straight to the client, not through the buffer.
     * {@code sha256}: hexadecimal, of the bytes the servlet will write (the tag is its first 32
     * digits, as for a buffered answer of the same bytes). Without the filter in front, false.
     * <pre>
     * if (ConditionalGet.validated(request, response, file.sha256())) { return; }
     * </pre>
     */
    public static boolean validated(HttpServletRequest request, HttpServletResponse response, String sha256) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof Pending p)) {
            return false;
        }
        p.buffered().streamed = true;
        return p.filter().answer(request, (HttpServletResponse) p.buffered().getResponse(), tag(sha256));
    }

    private static String tag(String sha256) {
        return "\"" + sha256.substring(0, 32) + "\"";
    }

    /** The strong validator of these bytes: the first 128 bits of their SHA-256, quoted. */
    static String etagOf(byte[] body) {
        return tag(Dumps.sha256(body));
    }

    /** Whether an If-None-Match header (null: none) names {@code etag}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            // Weak comparison, as If-None-Match asks (RFC 9110, 13.1.2).
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** Sets the validators of a 200 answer tagged {@code etag}; true if it became a 304 without a body. */
    private boolean answer(HttpServletRequest request, HttpServletResponse response, String etag) {
        response.setHeader("ETag", etag);
        if (!response.containsHeader("Cache-Control")) {
            // May be stored, but asked again before each use: with the ETag that costs a 304.
            response.setHeader("Cache-Control", CACHE_CONTROL);
        }
        if (readOnly) {
            response.setHeader("Last-Modified", HTTP_DATE.format(loaded));
        }
        if (notModified(request, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setContentLength(-1);
            response.setHeader("Content-Length", null);
            return true;
        }
        return false;
    }

    /** What {@link #validated} needs of the request's filter. */
    private record Pending(ConditionalGet filter, Buffered buffered) {
    }

    private boolean notModified(HttpServletRequest request, String etag) {
        String match = request.getHeader("If-None-Match");
        if (match != null) {
            return matches(match, etag);
        }
        String since = request.getHeader("If-Modified-Since");
        if (since == null || !readOnly) {
            return false;
        }
        try {
            return !loaded.isAfter(Instant.from(HTTP_DATE.parse(since.strip())));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The answer kept in memory until it is known whether it is sent (its headers go through),
     * unless {@link #validated} streams it.
     */
    static final class Buffered extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;
        /** Set by {@link #validated}: what is written next goes to the client as it is written. */
        private boolean streamed;

        Buffered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (streamed && stream == null) {
                return getResponse().getOutputStream();
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("blocking only");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (streamed && writer == null) {
                return getResponse().getWriter();
            }
            if (writer == null) {
                String cs = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), java.nio.charset.Charset.forName(cs)));
            }
            return writer;
        }

        @Override
        public void setContentLength(int len) {
            // Buffered: set from the buffer when it is sent; streamed: the servlet's.
            if (streamed) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            // Buffered: set from the buffer when it is sent; streamed: the servlet's.
            if (streamed) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (streamed) {
                super.flushBuffer();
            }
        }

        byte[] bytes() throws IOException {
            flushBuffer();
            return bytes.toByteArray();
        }

        void flushTo(HttpServletResponse response, byte[] body) throws IOException {
            if (body.length > 0 || getStatus() == HttpServletResponse.SC_OK) {
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        }
    }
}
