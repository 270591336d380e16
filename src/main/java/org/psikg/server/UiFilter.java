package org.psikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.psikg.server.html.IndexPage;

/**
 * The hook for the browser UI: the files of the resource folder
 * src/main/resources/org/psikg/server/ui/ are served at / ({@code ui/app.js} at {@code /app.js}),
 * and {@code ui/index.html}, once there, replaces the built-in index page. Until then / is
 * {@link IndexPage}. Only GET and HEAD, only file names of letters, digits, {@code . _ -}
 * that do not start with a dot; anything else goes on down the chain (to Fuseki, then the
 * linked-data servlets, then 404).
 * <pre>
 * builder.addFilter("/*", new UiFilter(settings, docs));
 * </pre>
 */
public final class UiFilter implements Filter {
    static final String FOLDER = "/org/psikg/server/ui";
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("rq", "application/sparql-query"), Map.entry("ttl", "text/turtle; charset=utf-8"));

    private final ServerSettings settings;
    private final DocsFolder docs;

    public UiFilter(ServerSettings settings, DocsFolder docs) {
        this.settings = settings;
        this.docs = docs;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            chain.doFilter(req, resp);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.isEmpty()) {
            URL index = file("/index.html");
            if (index != null) {
                send(response, index, "html");
            } else {
                Representation.writeHtml(response, IndexPage.render(Site.of(request, settings),
                        request.getParameter("query"), docs.names()));
            }
            return;
        }
        URL url = SAFE_PATH.matcher(path).matches() ? file(path) : null;
        if (url == null) {
            chain.doFilter(req, resp);
            return;
        }
        send(response, url, path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }

    private static void send(HttpServletResponse response, URL url, String extension) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = url.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** The resource of a UI file, or null if there is none (or it is a folder). */
    private static URL file(String path) {
        URL url = UiFilter.class.getResource(FOLDER + path);
        if (url == null) {
            return null;
        }
        try {
            if (url.getProtocol().equals("file")) {
                return Files.isRegularFile(Path.of(url.toURI())) ? url : null;
            }
            URLConnection c = url.openConnection();
            if (c instanceof JarURLConnection jar) {
                return jar.getJarEntry() != null && !jar.getJarEntry().isDirectory() ? url : null;
            }
            return url;
        } catch (IOException | URISyntaxException e) {
            return null;
        }
    }
}
