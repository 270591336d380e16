package org.psikg.io;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress of long work, per unit (an article, a graph), with a rate and an estimate, on
 * standard error. {@link Mode#BAR} rewrites one line ({@code build  412/1000 articles  26.9/s
 * eta 22 s}) at most ten times a second; {@link Mode#LINES} writes that line at each tenth of
 * the work, never more than one per two seconds, for logs; both end with a summary line
 * ({@code build: 1000 articles in 37.2 s (26.9 articles/s)}). {@link Mode#NONE} writes
 * nothing. {@link #advance} is thread-safe and cheap: worker threads call it per unit.
 * <pre>
 * try (Progress p = Progress.start(err, Progress.Mode.AUTO, "build", articles.size(), "articles")) {
 *     articles.parallelStream().forEach(a -&gt; { write(a); p.advance(1); });
 * }
 * </pre>
 * Library code takes a {@code Progress} (or {@link #none()}) rather than printing itself.
 */
public final class Progress implements AutoCloseable {
    /** How progress is shown. */
    public enum Mode {
        /** {@link #BAR} when standard error is a terminal; otherwise {@link #LINES} for {@value Progress#LINES_FROM} units or more, else {@link #NONE}. */
        AUTO,
        /** One line rewritten in place (carriage return), for a terminal. */
        BAR,
        /** A plain line at each tenth, for logs. */
        LINES,
        /** Nothing at all. */
        NONE
    }

    /** Below this many units AUTO writes nothing off a terminal: short work needs no progress in a log. */
    static final long LINES_FROM = 100;
    private static final long BAR_INTERVAL = 100_000_000L;
    private static final long LINE_INTERVAL = 2_000_000_000L;

    private final PrintWriter err;
    private final Mode mode;
    private final String task;
    private final long total;
    private final String unit;
    private final LongSupplier nanoClock;
    private final long started;
    private final AtomicLong done = new AtomicLong();
    // The fast path of advance reads these without the lock: nothing is shown before both
    // the count and the time have come.
    private volatile long nextCount;
    private volatile long nextTime;
    private int tenthsShown;
    private int barWidth;
    private boolean closed;

    private Progress(PrintWriter err, Mode mode, String task, long total, String unit, LongSupplier nanoClock) {
        this.err = err;
        this.mode = mode;
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.nextCount = mode == Mode.LINES ? firstOfTenth(1) : 0;
        this.nextTime = started + (mode == Mode.LINES ? LINE_INTERVAL : BAR_INTERVAL);
    }

    /** Starts showing the progress of {@code total} units of {@code task} on {@code err}. */
    public static Progress start(PrintWriter err, Mode mode, String task, long total, String unit) {
        return start(err, resolve(mode, mode == Mode.AUTO && Terminal.attached(), total), task, total, unit, System::nanoTime);
    }

    /** As {@link #start(PrintWriter, Mode, String, long, String)}, with the clock given (tests); AUTO is taken as off a terminal. */
    static Progress start(PrintWriter err, Mode mode, String task, long total, String unit, LongSupplier nanoClock) {
        return new Progress(err, resolve(mode, false, total), task, total, unit, nanoClock);
    }

    /** Progress that shows nothing. */
    public static Progress none() {
        return new Progress(null, Mode.NONE, "", 0, "", () -> 0);
    }

    /** What AUTO means here: a bar on a terminal, lines for long work, else nothing. */
    static Mode resolve(Mode mode, boolean terminal, long total) {
        if (mode != Mode.AUTO) {
            return mode;
        }
        return terminal ? Mode.BAR : total >= LINES_FROM ? Mode.LINES : Mode.NONE;
    }

    /** {@code units} more are done. */
    public void advance(long units) {
        if (mode == Mode.NONE) {
            return;
        }
        long count = done.addAndGet(units);
        if (count < nextCount) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - nextTime < 0) {
            return;
        }
        synchronized (this) {
            if (!closed && now - nextTime >= 0) {
                show(done.get(), now);
            }
        }
    }

    private void show(long count, long now) {
        String line = task + "  " + count + "/" + total + " " + unit + "  " + rate(count, now - started) + "/s  eta "
                + eta(count, now - started);
        if (mode == Mode.BAR) {
            err.print("\r" + line + " ".repeat(Math.max(0, barWidth - line.length())));
            barWidth = line.length();
            nextTime = now + BAR_INTERVAL;
        } else {
            int tenths = (int) Math.min(10, count * 10 / Math.max(1, total));
            if (tenths <= tenthsShown || tenths >= 10) {
                nextCount = tenths >= 10 ? Long.MAX_VALUE : firstOfTenth(tenthsShown + 1);
                return;
            }
            err.println(line);
            tenthsShown = tenths;
            nextCount = firstOfTenth(tenths + 1);
            nextTime = now + LINE_INTERVAL;
        }
        err.flush();
    }

    /** The least count that has done {@code tenths} tenths of the work. */
    private long firstOfTenth(int tenths) {
        return total <= 0 ? Long.MAX_VALUE : (tenths * total + 9) / 10;
    }

    /** Writes the summary line (BAR and LINES): what was done, in how long, at what rate. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (mode == Mode.NONE) {
            return;
        }
        long count = done.get();
        long elapsed = nanoClock.getAsLong() - started;
        String line = task + ": " + (count < total ? count + " of " + total : count) + " " + unit + " in " + elapsed(elapsed)
                + " (" + rate(count, elapsed) + " " + unit + "/s)";
        if (mode == Mode.BAR) {
            err.print("\r" + line + " ".repeat(Math.max(0, barWidth - line.length())) + "\n");
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Units a second, one decimal; "-" before any time has passed. */
    static String rate(long count, long nanos) {
        return nanos <= 0 ? "-" : String.format(Locale.ROOT, "%.1f", count * 1e9 / nanos);
    }

    /** The time left at the rate so far, in whole seconds; "-" before a unit is done. */
    private String eta(long count, long nanos) {
        if (count <= 0 || nanos <= 0) {
            return "-";
        }
        return duration(Math.round(Math.max(0, total - count) * (nanos / 1e9) / count));
    }

    /** A time taken: tenths of a second under a minute, else as {@link #duration}. */
    static String elapsed(long nanos) {
        return nanos < 60_000_000_000L ? String.format(Locale.ROOT, "%.1f s", nanos / 1e9) : duration(Math.round(nanos / 1e9));
    }

    /** Whole seconds as {@code 22 s}, {@code 3 min 05 s} or {@code 1 h 02 min}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
