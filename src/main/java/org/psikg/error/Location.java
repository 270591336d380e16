package org.psikg.error;

/**
 * A place in an input file: 1-based line and column (columns count Unicode code points).
 * {@code new Location("seeds/x.yaml", 12, 5)} prints as {@code seeds/x.yaml:12:5}, the form
 * compilers use, so editors and CI annotators can jump to it.
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    /**
     * The place of the character at {@code offset} in {@code text}, the whole of a file's content
     * (or its beginning): {@code Location.at("a.ttl", "x\ny", 2)} is {@code a.ttl:2:1}. Counted by {@link LineCounter}.
     */
    public static Location at(String file, CharSequence text, int offset) {
        LineCounter counter = new LineCounter();
        for (int i = 0; i < offset; i++) {
            counter.passChar(text.charAt(i));
        }
        return counter.location(file);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
