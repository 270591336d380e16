package org.psikg.validate;

/**
 * Where in the corpus the data behind a validation result was written: a file, a 1-based
 * line and, where known, a 1-based column (0: not known, as for a dataset read with
 * {@code --data}, whose provenance records lines only).
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
        c = c != 0 ? c : Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
