package org.psikg.corpus.anchor;

/**
 * Where a quote sits in its text: code-point offsets {@code [start, end)} and the verbatim
 * slice of the text there, which is what the selector's {@code exact} records.
 *
 * @param line   1-based line of the text where the quote starts
 * @param column 1-based code-point column of the text where the quote starts
 */
public record Anchor(int start, int end, String exact, int line, int column) {
}
