package org.psikg.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Watches the queries running on one server, every 50 ms, and stops (aborts) those that
 * would starve the others, as the timeout does but for two other reasons:
 * <ul>
 * <li><b>long queries</b>: a query that has run for more than {@code longAfterMillis} is
 *     long; at most {@code maxLong} long queries run at once, the oldest; a further one is
 *     stopped and answered 503 with Retry-After. The CPUs stay free for the many short
 *     queries, whatever the long ones do inside the engine;</li>
 * <li><b>memory</b>: when the heap in use passes {@code heapFraction} of the maximum, the
 *     running query that has allocated the most since it started is stopped (503), until
 *     the heap is below again. ORDER BY, DISTINCT and GROUP BY over a cross product hold
 *     their rows until the end; this bounds them all without a count of their own.</li>
 * </ul>
 * <pre>
 * QueryWatch watch = new QueryWatch(1, 1_000, 0.7);
 * QueryWatch.Entry e = watch.register(queryExec);
 * try { ...run... } finally { watch.done(e); }
 * if (e.reason() != null) { ...answer 503... }
 * </pre>
 */
final class QueryWatch implements AutoCloseable {
    /** Why a query was stopped. */
    enum Reason { LONG, MEMORY }

    /** A running query. */
    static final class Entry {
        private final QueryExec exec;
        private final long thread;
        private final long started = System.nanoTime();
        private final long allocatedAtStart;
        private volatile Reason reason;

        private Entry(QueryExec exec, long thread, long allocatedAtStart) {
            this.exec = exec;
            this.thread = thread;
            this.allocatedAtStart = allocatedAtStart;
        }

        /** Why the watch stopped it, or null. */
        Reason reason() {
            return reason;
        }

        private void stop(Reason why) {
            if (reason == null) {
                reason = why;
                exec.abort();
            }
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final int maxLong;
    private final long longAfterNanos;
    private final double heapFraction;
    private final Set<Entry> running = ConcurrentHashMap.newKeySet();
    /** A query was stopped for memory and the heap has not gone below the line since: stop no other yet. */
    private boolean memoryEpisode;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "psikg-query-watch");
        t.setDaemon(true);
        return t;
    });

    QueryWatch(int maxLong, long longAfterMillis, double heapFraction) {
        this.maxLong = maxLong;
        this.longAfterNanos = TimeUnit.MILLISECONDS.toNanos(longAfterMillis);
        this.heapFraction = heapFraction;
        timer.scheduleWithFixedDelay(this::check, 50, 50, TimeUnit.MILLISECONDS);
    }

    /** Starts watching {@code exec}, which runs on this thread. */
    Entry register(QueryExec exec) {
        long thread = Thread.currentThread().threadId();
        Entry e = new Entry(exec, thread, allocated(thread));
        running.add(e);
        return e;
    }

    void done(Entry e) {
        if (e != null) {
            running.remove(e);
        }
    }

    private static long allocated(long thread) {
        try {
            return THREADS.getThreadAllocatedBytes(thread);
        } catch (UnsupportedOperationException e) {
            return 0;
        }
    }

    private void check() {
        try {
            long now = System.nanoTime();
            List<Entry> longOnes = new ArrayList<>();
            for (Entry e : running) {
                if (e.reason == null && now - e.started > longAfterNanos) {
                    longOnes.add(e);
                }
            }
            longOnes.sort(Comparator.comparingLong(e -> e.started));
            for (int i = maxLong; i < longOnes.size(); i++) {
                longOnes.get(i).stop(Reason.LONG);
            }
            var heap = MEMORY.getHeapMemoryUsage();
            boolean high = heap.getMax() > 0 && heap.getUsed() > heapFraction * heap.getMax();
            if (!high) {
                memoryEpisode = false;
            } else if (!memoryEpisode) {
                running.stream().filter(e -> e.reason == null)
                        .max(Comparator.comparingLong(e -> allocated(e.thread) - e.allocatedAtStart))
                        .ifPresent(e -> {
                            memoryEpisode = true;
                            e.stop(Reason.MEMORY);
                        });
            }
        } catch (RuntimeException e) {
            // The watch must go on whatever one check met.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
