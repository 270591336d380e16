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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser UI: {@code ui/index.html} of the resource folder
 * src/main/resources/org/psikg/server/ui/ (the SPARQL editor) at /sparql, the folder's other files at /ui/NAME, and the
 * two files of the bundled YASGUI webjar at /ui/yasgui/VERSION/yasgui.min.js and
 * /ui/yasgui/VERSION/yasgui.min.css, and the bundle of the ECharts webjar at
 * /ui/echarts/VERSION/echarts.min.js. Nothing else of the classpath is reachable: only GET and
 * HEAD, only file names of letters, digits, {@code . _ -} that do not start with a dot, and
 * only the file types below; anything else goes on down the chain (to Fuseki, then the
 * linked-data servlets, then 404). Every answer carries {@link #POLICY}.
 * <pre>
 * builder.addFilter("/*", new UiFilter());
 * </pre>
 */
public final class UiFilter implements Filter {
    static final String FOLDER = "/org/psikg/server/ui";
    private static final String WEBJAR = "/META-INF/resources/webjars/zazuko__yasgui/";
    private static final Pattern OWN = Pattern.compile("/ui/([A-Za-z0-9_-][A-Za-z0-9._-]*\\.(html|css|js|svg))");
    private static final String ECHARTS_WEBJAR = "/META-INF/resources/webjars/echarts/";
    private static final Pattern ECHARTS = Pattern.compile("/ui/echarts/([0-9]+\\.[0-9]+\\.[0-9]+)/echarts\\.min\\.js");
    private static final Pattern YASGUI = Pattern.compile("/ui/yasgui/([0-9]+\\.[0-9]+\\.[0-9]+)/yasgui\\.min\\.(js|css)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");

    /**
     * The page loads scripts, styles and data from this server only, and sends queries only
     * here; no inline or evaluated script. YASGUI's bundle adds a {@code <style>} element and
     * {@code style} attributes (DataTables' column resizer) and uses a {@code data:} image,
     * hence the two exceptions.
     */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The YASGUI files are served under their version, so they never change at one address. */
    private static final String FOREVER = "public, max-age=31536000, immutable";

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String method = request.getMethod();
        URL url = null;
        String type = null;
        String cache = "no-cache";
        if (method.equals("GET") || method.equals("HEAD")) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            Matcher own = OWN.matcher(path);
            Matcher yasgui = YASGUI.matcher(path);
            Matcher echarts = ECHARTS.matcher(path);
            if (path.equals("/sparql")) {
                url = file(FOLDER + "/index.html");
                type = "html";
            } else if (own.matches()) {
                url = file(FOLDER + "/" + own.group(1));
                type = own.group(2);
            } else if (yasgui.matches()) {
                url = file(WEBJAR + yasgui.group(1) + "/build/yasgui.min." + yasgui.group(2));
                type = yasgui.group(2);
                cache = FOREVER;
            } else if (echarts.matches()) {
                url = file(ECHARTS_WEBJAR + echarts.group(1) + "/dist/echarts.min.js");
                type = "js";
                cache = FOREVER;
            }
        }
        if (url == null) {
            chain.doFilter(req, resp);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(TYPES.get(type));
        response.setHeader("Cache-Control", cache);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", POLICY);
        try (InputStream in = url.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** The resource of a UI file, or null if there is none (or it is a folder). */
    private static URL file(String resource) {
        URL url = UiFilter.class.getResource(resource);
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
