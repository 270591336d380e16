package org.psikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The competency queries (the queries/ folder of the checkout the server runs from) as the
 * UI's examples, at /examples.json: a JSON array of {@code {"name", "label", "query"}}, the
 * label being the first line of the query's {@code #} header, and {@code "docs"}: the names
 * of {@link DocsFolder}'s documents, for the UI's links. A server started elsewhere simply
 * has no examples (an empty list).
 * <pre>
 * builder.addServlet("/examples.json", new ExamplesServlet(Path.of("queries"), docsFolder));
 * </pre>
 */
public final class ExamplesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Path dir;
    private final transient DocsFolder docs;

    public ExamplesServlet(Path dir, DocsFolder docs) {
        this.dir = dir;
        this.docs = docs;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder json = new StringBuilder("{\"examples\":[");
        String sep = "";
        for (Path f : queries()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String label = text.lines().filter(l -> l.startsWith("#")).findFirst()
                    .map(l -> l.replaceFirst("^#+\\s*", "")).orElse(f.getFileName().toString());
            json.append(sep).append("{\"name\":").append(quote(f.getFileName().toString()))
                    .append(",\"label\":").append(quote(label)).append(",\"query\":").append(quote(text)).append('}');
            sep = ",";
        }
        json.append("],\"docs\":[");
        sep = "";
        for (String name : docs.names()) {
            json.append(sep).append(quote(name));
            sep = ",";
        }
        json.append("]}");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private List<Path> queries() throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.rq"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
