package org.psikg.corpus;

import org.psikg.error.Location;

/**
 * One statement as written in an annotation: three tokens, resolved into RDF terms by the
 * mapper, which knows the registry and the ontology. The object stays raw text because only
 * the predicate's range says whether it names a thing or is a literal.
 *
 * @param assertion how the annotation's quote supports it ({@link Assertion#STATED} unless marked)
 */
public record FactSpec(Token subject, Token predicate, Token object, Assertion assertion) {

    public FactSpec(Token subject, Token predicate, Token object) {
        this(subject, predicate, object, Assertion.STATED);
    }

    /** Where the statement was written: a fact's own place, or a node's value (on its property's line, below the node's key). */
    public Location location() {
        return predicate.location().line() != subject.location().line() ? object.location() : subject.location();
    }
}
