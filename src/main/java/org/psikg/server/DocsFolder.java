package org.psikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's documentation (the docs/ folder of the checkout the server runs from) at
 * /docs/NAME.md, as plain UTF-8 text, so that the index page can link to it. Only the
 * Markdown files directly in the folder, by names of lower-case letters, digits and hyphens;
 * no folder, no listing of anything else. A server started elsewhere simply has no docs.
 * <pre>
 * builder.addServlet("/docs/*", new DocsFolder(Path.of("docs")));
 * </pre>
 */
public final class DocsFolder extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.md");

    private final transient Path dir;

    public DocsFolder(Path dir) {
        this.dir = dir;
    }

    /** The documents there are, sorted. */
    public List<String> names() {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> NAME.matcher(n).matches())
                    .filter(n -> Files.isRegularFile(dir.resolve(n))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (name.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        if (!names().contains(name)) {
            Representation.error(response, HttpServletResponse.SC_NOT_FOUND, "no such document: " + name);
            return;
        }
        byte[] bytes = Files.readAllBytes(dir.resolve(name));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
