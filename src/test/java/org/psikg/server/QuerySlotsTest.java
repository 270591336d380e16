package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The global cap on queries in flight: its queue bound, its wait bound, and who goes first. */
class QuerySlotsTest {
    @Test
    void overTheQueueOrPastTheWaitIsShed() throws InterruptedException {
        QuerySlots slots = new QuerySlots(1, 1);
        QuerySlots.Slot held = slots.acquire("a", 0);
        assertNotNull(held);
        CountDownLatch queued = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                queued.countDown();
                QuerySlots.Slot s = slots.acquire("b", 60_000);
                assertNotNull(s, "the waiter was served once the slot freed");
                s.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        queued.await();
        while (!waiter.getState().equals(Thread.State.TIMED_WAITING)) {
            Thread.sleep(5);
        }
        long t0 = System.nanoTime();
        assertNull(slots.acquire("c", 60_000), "one runs and one waits (a queue of 1): a third is shed");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30), "shed at once, not after its wait");
        held.close();
        waiter.join(60_000);
        assertEquals(0, slots.inFlight());
        QuerySlots.Slot again = slots.acquire("a", 0);
        assertNotNull(again);
        assertNull(slots.acquire("d", 50), "a wait that runs out is shed");
        again.close();
    }

    @Test
    void aFreedSlotGoesToTheClientWithFewestRunning() throws InterruptedException {
        QuerySlots slots = new QuerySlots(2, 10);
        QuerySlots.Slot greedy1 = slots.acquire("greedy", 0);
        QuerySlots.Slot greedy2 = slots.acquire("greedy", 0);
        List<String> served = new CopyOnWriteArrayList<>();
        Thread greedyWaits = waiter(slots, "greedy", served);
        greedyWaits.start();
        while (!greedyWaits.getState().equals(Thread.State.TIMED_WAITING)) {
            Thread.sleep(5);
        }
        Thread innocent = waiter(slots, "innocent", served);
        innocent.start();
        while (!innocent.getState().equals(Thread.State.TIMED_WAITING)) {
            Thread.sleep(5);
        }
        // The greedy client queued first, but it holds one of the two slots still: the innocent goes first.
        greedy1.close();
        innocent.join(60_000);
        greedy2.close();
        greedyWaits.join(60_000);
        assertEquals(List.of("innocent", "greedy"), served);
    }

    private static Thread waiter(QuerySlots slots, String client, List<String> served) {
        return new Thread(() -> {
            try (QuerySlots.Slot s = slots.acquire(client, 60_000)) {
                assertNotNull(s);
                served.add(client);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
