package org.psikg.validate;

/** Where in the corpus the data behind a validation result was written: a file and a 1-based line. */
public record SourceLocation(String file, int line) implements Comparable<SourceLocation> {
    @Override
    public String toString() {
        return file + ":" + line;
    }

    @Override
    public int compareTo(SourceLocation o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
