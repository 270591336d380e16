package org.psikg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets the server start listening while the graph is still being built and loaded (the two
 * take about as long as starting Jetty, and the machine has more than one core): requests
 * that arrive before {@link #open()} wait for it, so no client ever sees a half-loaded
 * store. If loading fails, or takes longer than the wait, they get 503 with Retry-After.
 * <pre>
 * ReadyGate gate = new ReadyGate();
 * PsikgServer server = PsikgServer.start(tdb, settings, docs, gate);   // listening
 * TdbStore.load(tdb, kg.dataset(), kg.prefixes());
 * gate.open();                                                          // answering
 * </pre>
 */
public final class ReadyGate implements Filter {
    private static final long WAIT_SECONDS = 120;

    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean failed;

    /** A gate that is open from the start: the data is loaded. */
    public static ReadyGate opened() {
        ReadyGate g = new ReadyGate();
        g.open();
        return g;
    }

    public void open() {
        ready.countDown();
    }

    /** Runs {@code task} on a daemon thread once the gate opens (not if loading fails). */
    public void afterOpen(String name, Runnable task) {
        Thread t = new Thread(() -> {
            try {
                ready.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!failed) {
                task.run();
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** Loading failed: waiting requests, and later ones, get 503. */
    public void fail() {
        failed = true;
        ready.countDown();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        boolean open;
        try {
            open = ready.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
        if (!open || failed) {
            HttpServletResponse response = (HttpServletResponse) resp;
            response.setHeader("Retry-After", "10");
            Representation.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the graph is not loaded yet");
            return;
        }
        chain.doFilter(req, resp);
    }
}
