package org.psikg.corpus;

import java.util.List;
import org.psikg.error.Location;

/** One annotation: a quote, the entities it mentions, and the statements it supports. */
public record Annotation(String id, Location location, QuoteSpec quote, List<Token> about, List<FactSpec> facts) {
}
