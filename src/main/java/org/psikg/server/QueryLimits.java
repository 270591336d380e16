package org.psikg.server;

/**
 * The limits a query meets inside the engine, beside the timeouts and the row cap of
 * {@link ServerSettings}: what the gate ({@link QueryGuard}) refuses before anything runs,
 * what a running query may build, and how many queries run at once. docs/security.md lists
 * each with its default and the test that holds it.
 * <pre>
 * QueryLimits limits = QueryLimits.defaults().withInFlight(8, 16);
 * </pre>
 *
 * @param maxQuerySize     the most parts (patterns, triples, path steps, expressions, aggregates)
 *                         a parsed query may have
 * @param maxNesting       how deep EXISTS, NOT EXISTS and sub-queries may nest inside each other
 * @param maxCountedPath   the longest counted path ({@code p{0,n}}, {@code p{n}}, ARQ syntax only),
 *                         nested counts multiplied
 * @param maxValues        the most values (rows times variables) in the VALUES blocks of a query
 * @param maxStringLength  the most characters a string built by a query (CONCAT, REPLACE,
 *                         GROUP_CONCAT, ENCODE_FOR_URI, UCASE, LCASE) may have
 * @param maxResultBytes   the most bytes of literals, IRIs and names in one answer (estimated
 *                         from the nodes, before it is written)
 * @param maxInFlight      the most queries running at once on the whole server
 * @param maxQueued        the most queries waiting for one of those; more are answered 503
 * @param allowArqSyntax   accept ARQ's extensions of SPARQL 1.1 syntax (counted paths,
 *                         LATERAL, LET, ...); the function allow-list and every other limit still hold
 * @param maxLong          the most long queries (running past {@code longAfterMillis}) at once;
 *                         a further one is stopped (503)
 * @param longAfterMillis  when a running query counts as long
 * @param heapFraction     the share of the maximum heap in use past which the query that
 *                         allocated the most is stopped (503)
 */
public record QueryLimits(int maxQuerySize, int maxNesting, int maxCountedPath, int maxValues, int maxStringLength,
                          long maxResultBytes, int maxInFlight, int maxQueued, boolean allowArqSyntax,
                          int maxLong, long longAfterMillis, double heapFraction) {

    public QueryLimits {
        for (long n : new long[] {maxQuerySize, maxNesting, maxCountedPath, maxValues, maxStringLength, maxResultBytes,
            maxInFlight, maxQueued, maxLong, longAfterMillis}) {
            if (n < 1) {
                throw new IllegalArgumentException("every query limit must be at least 1: " + this);
            }
        }
        if (!(heapFraction > 0 && heapFraction <= 1)) {
            throw new IllegalArgumentException("the heap fraction must be in (0, 1]: " + heapFraction);
        }
    }

    public static QueryLimits defaults() {
        return new QueryLimits(5_000, 6, 8, 10_000, 1 << 20, 32L << 20, 16, 64, false,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 1_000, 0.7);
    }

    public QueryLimits withGate(int newMaxQuerySize, int newMaxNesting, int newMaxCountedPath, int newMaxValues) {
        return new QueryLimits(newMaxQuerySize, newMaxNesting, newMaxCountedPath, newMaxValues, maxStringLength,
                maxResultBytes, maxInFlight, maxQueued, allowArqSyntax, maxLong, longAfterMillis, heapFraction);
    }

    public QueryLimits withSizes(int newMaxStringLength, long newMaxResultBytes) {
        return new QueryLimits(maxQuerySize, maxNesting, maxCountedPath, maxValues, newMaxStringLength, newMaxResultBytes,
                maxInFlight, maxQueued, allowArqSyntax, maxLong, longAfterMillis, heapFraction);
    }

    public QueryLimits withInFlight(int newMaxInFlight, int newMaxQueued) {
        return new QueryLimits(maxQuerySize, maxNesting, maxCountedPath, maxValues, maxStringLength, maxResultBytes,
                newMaxInFlight, newMaxQueued, allowArqSyntax, maxLong, longAfterMillis, heapFraction);
    }

    public QueryLimits withArqSyntax(boolean allow) {
        return new QueryLimits(maxQuerySize, maxNesting, maxCountedPath, maxValues, maxStringLength, maxResultBytes,
                maxInFlight, maxQueued, allow, maxLong, longAfterMillis, heapFraction);
    }

    /** The watch of long queries and of the heap ({@link QueryWatch}). */
    public QueryLimits withWatch(int newMaxLong, long newLongAfterMillis, double newHeapFraction) {
        return new QueryLimits(maxQuerySize, maxNesting, maxCountedPath, maxValues, maxStringLength, maxResultBytes,
                maxInFlight, maxQueued, allowArqSyntax, newMaxLong, newLongAfterMillis, newHeapFraction);
    }
}
