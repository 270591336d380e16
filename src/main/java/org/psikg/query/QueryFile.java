package org.psikg.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;

/**
 * A SPARQL query file with the question it answers: the leading {@code #} comment lines.
 * Its expected result sits beside it with the extension {@code .srj} (SPARQL JSON).
 * <pre>
 * QueryFile q = QueryFile.read(Path.of("queries/01-eaeu-members.rq"));
 * q.header();      // "Who are the members of the EAEU, since when? ..."
 * </pre>
 */
public record QueryFile(Path path, String text, List<String> header, Query query) {

    public static QueryFile read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new InputException(InputError.of(Location.ofFile(path.toString()), ErrorCode.IO, "cannot read: " + e.getMessage()));
        }
        try {
            return new QueryFile(path, text, header(text), QueryFactory.create(text));
        } catch (QueryParseException e) {
            throw new InputException(InputError.of(new Location(path.toString(), Math.max(e.getLine(), 0), Math.max(e.getColumn(), 0)),
                    ErrorCode.SPARQL_SYNTAX, e.getMessage().replaceAll("\\s+", " ").replaceFirst(" Was expecting.*", "").strip()));
        }
    }

    /** The expected result file: the same name with {@code .srj}. */
    public Path expected() {
        return path.resolveSibling(path.getFileName().toString().replaceFirst("\\.rq$", "") + ".srj");
    }

    /** Whether the answer's order is part of it (the query orders its solutions). */
    public boolean ordered() {
        return query.hasOrderBy();
    }

    private static List<String> header(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            lines.add(line.replaceFirst("^#\\s?", ""));
        }
        return lines;
    }
}
