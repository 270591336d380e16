package org.psikg.rdf.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.riot.Lang;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.LineCounter;
import org.psikg.error.Location;

/**
 * Looks at an RDF file before RIOT parses it, for input that would make a parser fail badly
 * instead of reporting: nesting deeper than {@link #MAX_DEPTH} in Turtle, TriG, N3 or JSON
 * (RIOT's Turtle parser and the JSON-LD processor recurse, so 100,000 nested brackets
 * overflow the stack), and RDF/XML entity declarations that expand into others (billion
 * laughs) or point outside the file (XXE). Both are refused with a located error.
 */
public final class RdfGuard {
    /** Far above what any ontology or shapes file needs (a few levels). */
    public static final int MAX_DEPTH = 128;
    /** Entity declarations live in the prolog; this much of the file is searched for them. */
    private static final int PROLOG_CHARS = 1024 * 1024;
    private static final Pattern ENTITY = Pattern.compile(
            "<!ENTITY\\s+(%\\s+)?([^\\s\"'>]+)\\s+(SYSTEM|PUBLIC|\"([^\"]*)\"|'([^']*)')");

    private RdfGuard() {
    }

    public static void check(Path file, Lang lang, String name) {
        try {
            if (lang.equals(Lang.TURTLE) || lang.equals(Lang.TRIG) || lang.equals(Lang.N3)) {
                nesting(file, name, true);
            } else if (lang.equals(Lang.JSONLD) || lang.equals(Lang.JSONLD11) || lang.equals(Lang.RDFJSON)) {
                nesting(file, name, false);
            } else if (lang.equals(Lang.RDFXML)) {
                entities(file, name);
            }
        } catch (IOException e) {
            throw new InputException(InputError.of(Location.ofFile(name), ErrorCode.IO, "cannot read file: " + e.getMessage()));
        }
    }

    private static void nesting(Path file, String name, boolean turtle) throws IOException {
        try (Cursor in = new Cursor(reader(file))) {
            int depth = 0;
            int c;
            while ((c = in.next()) >= 0) {
                switch (c) {
                    case '[', '(', '{' -> depth = deeper(depth, in, name);
                    case ']', ')', '}' -> depth = Math.max(0, depth - 1);
                    case '"' -> string(in, '"', turtle);
                    case '\'' -> {
                        if (turtle) {
                            string(in, '\'', true);
                        }
                    }
                    case '\\' -> in.next();
                    case '#' -> {
                        if (turtle) {
                            skipLine(in);
                        }
                    }
                    case '<' -> {
                        if (turtle && in.peek(0) == '<') {
                            in.next();
                            depth = deeper(depth, in, name);
                        } else if (turtle) {
                            iri(in);
                        }
                    }
                    case '>' -> {
                        if (turtle && in.peek(0) == '>') {
                            in.next();
                            depth = Math.max(0, depth - 1);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private static int deeper(int depth, Cursor in, String name) {
        if (depth + 1 > MAX_DEPTH) {
            throw new InputException(InputError.of(in.location(name), ErrorCode.RDF_DEPTH,
                    "nesting deeper than " + MAX_DEPTH + " levels"));
        }
        return depth + 1;
    }

    /** Skips a string whose opening quote was just read; Turtle also has long strings ({@code """...""}). */
    private static void string(Cursor in, int quote, boolean turtle) throws IOException {
        boolean longString = turtle && in.peek(0) == quote && in.peek(1) == quote;
        if (longString) {
            in.next();
            in.next();
        }
        int run = 0;
        int c;
        while ((c = in.next()) >= 0) {
            if (c == '\\') {
                in.next();
                run = 0;
            } else if (c == quote) {
                if (!longString || ++run == 3) {
                    return;
                }
            } else if (c == '\n' && !longString && turtle) {
                return;
            } else {
                run = 0;
            }
        }
    }

    private static void iri(Cursor in) throws IOException {
        int c;
        while ((c = in.next()) >= 0 && c != '>' && c != '\n') {
            if (c == '\\') {
                in.next();
            }
        }
    }

    private static void skipLine(Cursor in) throws IOException {
        int c;
        while ((c = in.next()) >= 0 && c != '\n') {
            // a comment
        }
    }

    private static void entities(Path file, String name) throws IOException {
        char[] head = new char[PROLOG_CHARS];
        int n = 0;
        try (Reader r = reader(file)) {
            int got;
            while (n < head.length && (got = r.read(head, n, head.length - n)) > 0) {
                n += got;
            }
        }
        String prolog = new String(head, 0, n);
        Matcher m = ENTITY.matcher(prolog);
        while (m.find()) {
            String value = m.group(4) != null ? m.group(4) : m.group(5);
            String why = m.group(1) != null ? "a parameter entity"
                    : value == null ? "an external entity (" + m.group(3) + ")"
                    : value.contains("&") || value.contains("%") ? "an entity that expands other entities"
                    : null;
            if (why != null) {
                throw new InputException(new InputError(Location.at(name, prolog, m.start()), ErrorCode.RDF_ENTITY,
                        "RDF/XML declares " + why + ": '" + m.group(2) + "'",
                        "only entities that stand for plain text, such as namespace IRIs, are read"));
            }
        }
    }

    /** Malformed UTF-8 becomes U+FFFD here; the parser reports it properly afterwards. */
    private static Reader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 64 * 1024);
    }

    /** Characters with a little look-ahead, and the line and column of the last one read. */
    private static final class Cursor implements AutoCloseable {
        private final Reader in;
        private final int[] ahead = new int[2];
        private int buffered;
        private final LineCounter counter = new LineCounter();
        private int line = 1;
        private int column = 1;

        Cursor(Reader in) {
            this.in = in;
        }

        int peek(int k) throws IOException {
            while (buffered <= k) {
                ahead[buffered++] = in.read();
            }
            return ahead[k];
        }

        int next() throws IOException {
            int c;
            if (buffered > 0) {
                c = ahead[0];
                ahead[0] = ahead[1];
                buffered--;
            } else {
                c = in.read();
            }
            if (c >= 0) {
                if (!Character.isLowSurrogate((char) c)) {
                    line = counter.line();
                    column = counter.column();
                }
                counter.passChar((char) c);
            }
            return c;
        }

        /** Where the last character read starts. */
        Location location(String name) {
            return new Location(name, line, column);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
