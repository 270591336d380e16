package org.psikg.corpus;

import org.psikg.error.Location;

import java.util.List;

/**
 * A phrase of a quote that refers to entities it does not name: {@code refers: {it: eaeu}}
 * in an annotation says that "it" in its quote is the EAEU.
 *
 * @param entities registry keys, or {@code this:KEY} for the article's own nodes
 */
public record Anaphor(String phrase, List<Token> entities, Location location) {
}
