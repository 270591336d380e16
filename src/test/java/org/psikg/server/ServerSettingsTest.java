package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder of {@link ServerSettings}: the safe defaults of docs/server.md, copies, and the limits it refuses. */
class ServerSettingsTest {
    @Test
    void defaultsAreTheDocumentedSafeOnes() {
        ServerSettings s = ServerSettings.defaults();
        assertEquals("127.0.0.1", s.host());
        assertEquals(3030, s.port());
        assertNull(s.baseUrl());
        assertEquals(Duration.ofSeconds(10), s.firstResult());
        assertEquals(Duration.ofSeconds(30), s.total());
        assertEquals(10_000, s.maxRows());
        assertEquals(false, s.allowUpdate());
        assertEquals(false, s.allowService());
        assertEquals("*", s.corsOrigin());
        assertEquals(100_000, s.maxQueryLength());
        assertEquals(1 << 20, s.maxRequestBytes());
        assertEquals(4, s.maxConcurrentPerClient());
        assertNull(s.trustedProxy());
        assertEquals(QueryLimits.defaults(), s.queryLimits());
        assertEquals(16, s.queryLimits().maxInFlight());
        assertEquals(128, s.requestThreads());
        assertEquals(1024, s.minRequestBytesPerSecond());
    }

    @Test
    void toBuilderChangesOnlyWhatItIsTold() {
        ServerSettings s = ServerSettings.builder().port(0).host("::1").baseUrl("https://example.org")
                .timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).maxRows(5).corsOrigin(null)
                .requestLimits(10, 20, 3).trustedProxy("127.0.0.3")
                .queryLimits(QueryLimits.defaults().withInFlight(2, 3)).connections(9, 10).cacheBytes(1000).build();
        ServerSettings open = s.toBuilder().allowUpdate(true).allowService(true).build();
        assertEquals(new ServerSettings("::1", 0, "https://example.org", Duration.ofSeconds(1), Duration.ofSeconds(2), 5,
                true, true, null, 10, 20, 3, "127.0.0.3", QueryLimits.defaults().withInFlight(2, 3), 9, 10, 1000), open);
        assertEquals(false, open.cachesResults(), "no cache over data that may change");
        assertEquals(true, s.cachesResults());
        assertEquals(false, s.allowUpdate(), "the original is unchanged");
    }

    @Test
    void refusesLimitsBelowOneAndTimeoutsOfZero() {
        for (Runnable bad : new Runnable[] {
            () -> ServerSettings.builder().maxRows(0).build(),
            () -> ServerSettings.builder().requestLimits(0, 1, 1).build(),
            () -> ServerSettings.builder().requestLimits(1, 0, 1).build(),
            () -> ServerSettings.builder().requestLimits(1, 1, 0).build(),
            () -> ServerSettings.builder().connections(0, 1).build(),
            () -> ServerSettings.builder().connections(1, 0).build(),
            () -> QueryLimits.defaults().withInFlight(0, 1),
            () -> QueryLimits.defaults().withSizes(1, 0),
            () -> ServerSettings.builder().timeouts(Duration.ZERO, Duration.ofSeconds(1)).build(),
            () -> ServerSettings.builder().timeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1)).build()}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::run);
            assertTrue(e.getMessage().contains("must be"), e.getMessage());
        }
    }
}
