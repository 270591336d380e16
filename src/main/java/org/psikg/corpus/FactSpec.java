package org.psikg.corpus;

/**
 * One statement as written in an annotation: three tokens, resolved into RDF terms by the
 * mapper, which knows the registry and the ontology. The object stays raw text because only
 * the predicate's range says whether it names a thing or is a literal.
 */
public record FactSpec(Token subject, Token predicate, Token object) {
}
