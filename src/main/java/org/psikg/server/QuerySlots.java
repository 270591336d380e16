package org.psikg.server;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The global cap on queries in flight, with a bounded queue. At most {@code max} queries run
 * at once on the whole server; a further one waits, at most {@code maxQueued} of them and
 * each at most for its wait, then it is shed (the caller answers 503 with Retry-After).
 * When a slot frees, it goes to the waiting query whose client has the fewest queries
 * running, the oldest first among equals: a client sending one query at a time is served
 * before one that already holds several. The per-client limit ({@link ClientLimit}) still
 * bounds how many one address may have in progress.
 * <pre>
 * try (QuerySlots.Slot slot = slots.acquire(client, 2_000)) {
 *     if (slot == null) { ...answer 503... }
 *     ...run the query...
 * }
 * </pre>
 */
final class QuerySlots {
    private final int max;
    private final int maxQueued;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private final Map<String, Integer> running = new HashMap<>();
    private final Map<Long, String> waiting = new HashMap<>();
    private int inFlight;
    private long tickets;

    QuerySlots(int max, int maxQueued) {
        this.max = max;
        this.maxQueued = maxQueued;
    }

    /** A slot held; closing it frees it. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits up to {@code waitMillis} for a slot; null if the queue is full or the wait ran out. */
    Slot acquire(String client, long waitMillis) throws InterruptedException {
        lock.lock();
        try {
            if (inFlight < max && waiting.isEmpty()) {
                return take(client);
            }
            if (waiting.size() >= maxQueued) {
                return null;
            }
            long ticket = tickets++;
            waiting.put(ticket, client);
            try {
                long nanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
                while (inFlight >= max || !isNext(ticket)) {
                    if (nanos <= 0) {
                        return null;
                    }
                    nanos = freed.awaitNanos(nanos);
                }
                waiting.remove(ticket);
                return take(client);
            } finally {
                if (waiting.remove(ticket) != null) {
                    // Gave up: another waiter may be next now.
                    freed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code ticket} is the waiter to serve next: fewest running for its client, then the oldest. */
    private boolean isNext(long ticket) {
        int mine = running.getOrDefault(waiting.get(ticket), 0);
        for (Map.Entry<Long, String> w : waiting.entrySet()) {
            int theirs = running.getOrDefault(w.getValue(), 0);
            if (theirs < mine || theirs == mine && w.getKey() < ticket) {
                return false;
            }
        }
        return true;
    }

    private Slot take(String client) {
        inFlight++;
        running.merge(client, 1, Integer::sum);
        return new Slot() {
            private boolean closed;

            @Override
            public void close() {
                lock.lock();
                try {
                    if (!closed) {
                        closed = true;
                        inFlight--;
                        running.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
                        freed.signalAll();
                    }
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    /** Queries running now, for tests and the log. */
    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
