package org.psikg.server;

import org.apache.jena.query.QueryExecException;

/**
 * A running query went over one of the limits of {@link QueryLimits} (a string too long, an
 * answer too large): the query stops, and {@link QueryService} answers 400 with the message.
 * Not an {@code ExprEvalException}, which ARQ would turn into an unbound value and go on.
 */
final class QueryLimitException extends QueryExecException {
    QueryLimitException(String message) {
        super(message);
    }
}
