package org.psikg.server;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SPARQL endpoint's answers kept in memory, bounded in bytes: least recently used out
 * first, and an answer larger than {@link #maxEntryBytes()} (a sixteenth of the bound) is
 * never kept, so that one large answer cannot push out many small ones. It belongs to one
 * server over one dataset that does not change (it is off with --allow-update), so nothing
 * in it outlives the data it was computed on: a rebuild is served by a new process.
 * <pre>
 * ResultCache cache = new ResultCache(64L &lt;&lt; 20);
 * cache.put(key, new ResultCache.Answer(headers, body, etag), textAsSent);
 * cache.get(cache.alias(textAsSent));   // the answer, counted as a hit; null is a miss
 * cache.stats();         // Stats[hits=1, misses=0, evictions=0, entries=1, bytes=...]
 * </pre>
 */
public final class ResultCache {
    /** What each entry costs beside its bytes: the map's entry, the record, the arrays' heads. */
    private static final int OVERHEAD = 128;

    private final long maxBytes;
    /** Answers by key, and aliases (a query's text as sent, to the key of its answer). */
    private final LinkedHashMap<String, Held> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;

    /** What the cache holds under a key. */
    private sealed interface Held permits Answer, Alias {
        long cost(String key);
    }

    /** Another spelling of a key: looked up without parsing the query again. */
    private record Alias(String key) implements Held {
        @Override
        public long cost(String raw) {
            return OVERHEAD + 2L * (raw.length() + key.length());
        }
    }

    /**
     * One answer as it was sent: the headers the endpoint set (name, value pairs), the body,
     * its strong ETag.
     */
    public record Answer(List<String[]> headers, byte[] body, String etag) implements Held {
        @Override
        public long cost(String key) {
            long h = 0;
            for (String[] nv : headers) {
                h += 2L * (nv[0].length() + nv[1].length()) + 32;
            }
            return OVERHEAD + 2L * key.length() + body.length + h + 2L * etag.length();
        }
    }

    /** Counters since the server started, and what the cache holds now (entries: answers; bytes: with the aliases). */
    public record Stats(long hits, long misses, long evictions, int entries, long bytes) {
    }

    /** {@code maxBytes}: the most bytes the answers may take in all (keys and headers counted). */
    public ResultCache(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the cache's size must be at least 1 byte: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The largest answer body kept: a sixteenth of the bound. */
    public long maxEntryBytes() {
        return maxBytes / 16;
    }

    /** The answer kept for {@code key}, or null; counted as a hit or a miss. */
    public synchronized Answer get(String key) {
        Answer a = entries.get(key) instanceof Answer answer ? answer : null;
        if (a == null) {
            misses++;
        } else {
            hits++;
        }
        return a;
    }

    /** The key that {@code raw} (a query as sent) was stored with, or null; not counted. */
    public synchronized String alias(String raw) {
        return entries.get(raw) instanceof Alias alias ? alias.key() : null;
    }

    /**
     * Keeps {@code answer} unless it is too large, and {@code raw} as an alias of its key
     * (unless the same), dropping the least recently used to make room.
     */
    public synchronized void put(String key, Answer answer, String raw) {
        if (answer.body().length > maxEntryBytes()) {
            return;
        }
        add(key, answer);
        if (!raw.equals(key)) {
            add(raw, new Alias(key));
        }
    }

    private void add(String key, Held entry) {
        Held old = entries.put(key, entry);
        if (old != null) {
            bytes -= old.cost(key);
        }
        bytes += entry.cost(key);
        Iterator<Map.Entry<String, Held>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<String, Held> e = eldest.next();
            bytes -= e.getValue().cost(e.getKey());
            eldest.remove();
            evictions++;
        }
    }

    public synchronized Stats stats() {
        int answers = (int) entries.values().stream().filter(e -> e instanceof Answer).count();
        return new Stats(hits, misses, evictions, answers, bytes);
    }
}
