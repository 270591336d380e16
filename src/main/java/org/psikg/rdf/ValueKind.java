package org.psikg.rdf;

/** What a property's object must be, read off its declaration and range in the ontology. */
public enum ValueKind {
    /** An IRI: an entity, an article-local node, a class or an individual. */
    THING,
    /** {@code xsd:date}, {@code xsd:gYearMonth} or {@code xsd:gYear}, by the precision written. */
    DATE,
    DECIMAL,
    INTEGER,
    BOOLEAN,
    STRING,
    LANG_STRING
}
