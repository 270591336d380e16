package org.psikg.corpus;

/** Page furniture (ads, polls, teasers): a passage that is not article content. */
public record Furniture(QuoteSpec quote, boolean all) {
}
