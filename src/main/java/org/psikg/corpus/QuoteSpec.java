package org.psikg.corpus;

import org.psikg.error.Location;


/**
 * How an annotation points into its text: the quote as the annotator wrote it, with optional
 * context to tell repeated passages apart.
 *
 * @param occurrence the n-th match (from 1) among those left by prefix and suffix, or 0
 */
public record QuoteSpec(String quote, String prefix, String suffix, int occurrence, Location location) {
}
