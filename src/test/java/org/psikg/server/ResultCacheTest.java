package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bound in bytes of {@link ResultCache}: least recently used out first, large answers never in. */
class ResultCacheTest {
    private static ResultCache.Answer answer(int bytes) {
        return new ResultCache.Answer(List.<String[]>of(new String[] {"Content-Type", "text/csv"}), new byte[bytes], "\"t\"");
    }

    @Test
    void evictsTheLeastRecentlyUsedToStayWithinItsBytes() {
        ResultCache cache = new ResultCache(16_000);
        cache.put("a", answer(900), "a");
        cache.put("b", answer(900), "b");
        assertNotNull(cache.get("a"), "a is now the most recently used");
        for (int i = 0; i < 20; i++) {
            cache.put("x" + i, answer(900), "x" + i);
            assertTrue(cache.stats().bytes() <= 16_000, cache.stats().toString());
            cache.get("a");
        }
        assertNull(cache.get("b"));
        assertNotNull(cache.get("a"));
        assertTrue(cache.stats().evictions() > 0);
    }

    @Test
    void aTextAsSentLeadsToItsKey() {
        ResultCache cache = new ResultCache(16_000);
        cache.put("normalised", answer(10), "as sent");
        assertEquals("normalised", cache.alias("as sent"));
        assertNull(cache.alias("normalised"), "a key is not an alias");
        assertNotNull(cache.get(cache.alias("as sent")));
        assertEquals(1, cache.stats().entries());
    }

    @Test
    void neverKeepsAnAnswerOverASixteenth() {
        ResultCache cache = new ResultCache(16_000);
        cache.put("big", answer(1001), "big");
        assertNull(cache.get("big"));
        assertEquals(new ResultCache.Stats(0, 1, 0, 0, 0), cache.stats());
    }
}
