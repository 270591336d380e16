package org.psikg.validate;

/**
 * Where in the corpus the data behind a validation result was written: a file, a 1-based line
 * and, where known, a 1-based column (0 when not: the graph records lines only).
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    public SourceLocation(String file, int line) {
        this(file, line, 0);
    }

    @Override
    public String toString() {
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }

    @Override
    public int compareTo(SourceLocation o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
