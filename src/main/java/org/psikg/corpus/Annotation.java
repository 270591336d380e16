package org.psikg.corpus;

import java.util.List;
import org.psikg.error.Location;

/**
 * One annotation: a quote, the entities it mentions, and the statements it supports.
 *
 * @param refers the phrases of the quote that stand for an entity it does not name (a
 *               pronoun, "the Union"), which the evidence lint accepts as a mention
 */
public record Annotation(String id, Location location, QuoteSpec quote, List<Token> about, List<FactSpec> facts,
                         List<Anaphor> refers) {

    public Annotation(String id, Location location, QuoteSpec quote, List<Token> about, List<FactSpec> facts) {
        this(id, location, quote, about, facts, List.of());
    }
}
