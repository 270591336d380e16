package org.psikg.error;

import java.util.Locale;

/**
 * Every kind of input error psikg reports. The id (the constant in kebab case) is printed
 * in brackets after each message and documented in docs/errors.md, which a test keeps
 * complete.
 */
public enum ErrorCode {
    IO,
    NO_SEEDS,
    NO_REGISTRY,
    NO_TEXT,
    BOM,
    UTF8,
    UNPAIRED_SURROGATE,
    BAD_CHARACTER,
    TEXT_TOO_LARGE,
    NOT_REGULAR_FILE,
    BAD_OUTPUT,
    YAML_TOO_LARGE,
    YAML_SYNTAX,
    YAML_DOCUMENTS,
    YAML_TAG,
    YAML_ANCHOR,
    YAML_ALIAS,
    YAML_DEPTH,
    YAML_KEY,
    YAML_DUPLICATE_KEY,
    YAML_SHAPE,
    MISSING_FIELD,
    UNKNOWN_FIELD,
    MISSING_LABEL,
    BAD_SLUG,
    BAD_LANGUAGE,
    BAD_WIKIDATA,
    BAD_CHECKSUM,
    BAD_OCCURRENCE,
    BAD_FLAG,
    BAD_ASSERTION,
    BAD_REVIEW,
    BAD_VERDICT,
    UNKNOWN_STATEMENT,
    BAD_FACT,
    BAD_DATE,
    BAD_NUMBER,
    BAD_BOOLEAN,
    RESERVED_ID,
    DUPLICATE_ENTITY,
    DUPLICATE_ARTICLE,
    DUPLICATE_ID,
    EMPTY_QUOTE,
    EMPTY_ANNOTATION,
    CHECKSUM_MISMATCH,
    QUOTE_NOT_FOUND,
    QUOTE_AMBIGUOUS,
    QUOTE_OCCURRENCE,
    QUOTE_CONTEXT,
    QUOTE_IN_FURNITURE,
    UNKNOWN_ENTITY,
    UNKNOWN_TERM,
    UNKNOWN_PREFIX,
    UNTYPED_NODE,
    UNKNOWN_ARTICLE,
    RDF_SYNTAX,
    RDF_TOO_LARGE,
    RDF_DEPTH,
    RDF_ENTITY,
    BAD_SHAPES,
    SPARQL_SYNTAX;

    /** The printed form: {@code QUOTE_NOT_FOUND} is {@code quote-not-found}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
