package org.psikg.server;

import org.apache.jena.query.QueryCancelledException;

/**
 * What the query running on this thread may still spend: its deadline and the longest
 * string it may build. A thread-local, not the query's context: Fuseki runs a query on its
 * request thread, and the context the functions see is a copy made after the QueryExec is
 * built. {@link QueryService} sets it before the query runs and clears it after; without
 * one (a query run elsewhere in psikg) nothing is bounded here.
 * <pre>
 * QueryBudget.start(deadlineNanos, 1 &lt;&lt; 20);
 * try { ...run the query... } finally { QueryBudget.clear(); }
 * </pre>
 *
 * @param deadline        the query's deadline, in {@link System#nanoTime()} terms
 * @param maxStringLength the most characters of a string the query may build
 */
record QueryBudget(long deadline, int maxStringLength) {
    private static final ThreadLocal<QueryBudget> CURRENT = new ThreadLocal<>();

    static void start(long deadline, int maxStringLength) {
        CURRENT.set(new QueryBudget(deadline, maxStringLength));
    }

    static void clear() {
        CURRENT.remove();
    }

    /** The budget of the query on this thread, or null. */
    static QueryBudget current() {
        return CURRENT.get();
    }

    /** Cancels the query on this thread if it is past its deadline. */
    static void checkDeadline() {
        QueryBudget b = CURRENT.get();
        if (b != null && System.nanoTime() - b.deadline > 0) {
            throw new QueryCancelledException();
        }
    }

    /** Refuses a string of {@code length} characters if it is longer than the query may build. */
    static void checkLength(long length, String what) {
        QueryBudget b = CURRENT.get();
        if (b != null && length > b.maxStringLength) {
            throw new QueryLimitException("a string built by " + what + " would have more than " + b.maxStringLength
                    + " characters, the most a query may build on this endpoint");
        }
    }
}
