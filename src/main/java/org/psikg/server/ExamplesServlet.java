package org.psikg.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** Escapes {@code < > &} too, so that the JSON is safe wherever a page might embed it. */
    private static final ObjectMapper JSON = new ObjectMapper(new JsonFactory().setCharacterEscapes(new HtmlSafeEscapes()));

    private final transient Path dir;
    private final transient DocsFolder docs;

    public ExamplesServlet(Path dir, DocsFolder docs) {
        this.dir = dir;
        this.docs = docs;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode examples = root.putArray("examples");
        for (Path f : queries()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String label = text.lines().filter(l -> l.startsWith("#")).findFirst()
                    .map(l -> l.replaceFirst("^#+\\s*", "")).orElse(f.getFileName().toString());
            examples.addObject().put("name", f.getFileName().toString()).put("label", label).put("query", text);
        }
        ArrayNode docNames = root.putArray("docs");
        docs.names().forEach(docNames::add);
        byte[] bytes = JSON.writeValueAsBytes(root);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            for (char c : new char[] {'<', '>', '&'}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
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
}
