package org.psikg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What each mode writes, against a clock the test moves: no test here waits for time to pass. */
class ProgressTest {
    private static final long MS = 1_000_000L;

    private final StringWriter written = new StringWriter();
    private final PrintWriter err = new PrintWriter(written);
    private final AtomicLong now = new AtomicLong(5_000 * MS);

    private Progress start(Progress.Mode mode, long total) {
        return Progress.start(err, mode, "build", total, "articles", now::get);
    }

    @Test
    void linesAtEachTenthWithRateAndEstimate() {
        try (Progress p = start(Progress.Mode.LINES, 1000)) {
            for (int i = 0; i < 1000; i++) {
                now.addAndGet(100 * MS);
                p.advance(1);
            }
        }
        List<String> lines = written.toString().lines().toList();
        assertEquals(10, lines.size(), written.toString());
        assertEquals("build  100/1000 articles  10.0/s  eta 1 min 30 s", lines.get(0));
        assertEquals("build  500/1000 articles  10.0/s  eta 50 s", lines.get(4));
        assertEquals("build  900/1000 articles  10.0/s  eta 10 s", lines.get(8));
        assertEquals("build: 1000 articles in 1 min 40 s (10.0 articles/s)", lines.get(9));
    }

    @Test
    void linesNeverMoreThanOnePerTwoSeconds() {
        try (Progress p = start(Progress.Mode.LINES, 1000)) {
            for (int i = 0; i < 1000; i++) {
                now.addAndGet(3 * MS);
                p.advance(1);
            }
        }
        // 3 s in all: the first tenth passes at 0.3 s, too early; the line comes at 2 s (667 done), the next not before 4 s.
        assertEquals("build  667/1000 articles  333.3/s  eta 1 s\nbuild: 1000 articles in 3.0 s (333.3 articles/s)\n", written.toString());
    }

    @Test
    void barRewritesOneLineAtMostTenTimesASecond() {
        try (Progress p = start(Progress.Mode.BAR, 20)) {
            for (int i = 0; i < 20; i++) {
                now.addAndGet(40 * MS);
                p.advance(1);
            }
        }
        String[] shown = written.toString().split("\r", -1);
        // Empty before the first \r; bars at 120, 240, ... 720 ms (every third advance); the summary, padded, ends the line.
        assertEquals("", shown[0]);
        assertEquals("build  3/20 articles  25.0/s  eta 1 s", shown[1]);
        assertEquals("build  6/20 articles  25.0/s  eta 1 s", shown[2]);
        assertEquals(8, shown.length, written.toString());
        assertEquals("build: 20 articles in 0.8 s (25.0 articles/s)\n", shown[7]);
        assertTrue(written.toString().indexOf('\n') == written.toString().length() - 1, "one line, ended once");
    }

    @Test
    void aShorterBarBlanksTheRestOfTheLongerOne() {
        try (Progress p = start(Progress.Mode.BAR, 100)) {
            now.addAndGet(100_000 * MS);
            p.advance(1);
            now.addAndGet(100 * MS);
            p.advance(98);
        }
        String[] shown = written.toString().split("\r", -1);
        String longer = "build  1/100 articles  0.0/s  eta 2 h 45 min";
        String shorter = "build  99/100 articles  1.0/s  eta 1 s";
        assertEquals(longer, shown[1]);
        assertEquals(shorter + " ".repeat(longer.length() - shorter.length()), shown[2]);
        assertEquals("build: 99 of 100 articles in 1 min 40 s (1.0 articles/s)\n", shown[3], "work stopped early says so");
    }

    @Test
    void noneWritesNothing() {
        try (Progress p = start(Progress.Mode.NONE, 1000)) {
            for (int i = 0; i < 1000; i++) {
                now.addAndGet(1000 * MS);
                p.advance(1);
            }
        }
        try (Progress p = Progress.none()) {
            p.advance(5);
        }
        assertEquals("", written.toString());
    }

    @Test
    void autoIsABarOnATerminalElseLinesForLongWorkOnly() {
        assertEquals(Progress.Mode.BAR, Progress.resolve(Progress.Mode.AUTO, true, 5));
        assertEquals(Progress.Mode.LINES, Progress.resolve(Progress.Mode.AUTO, false, Progress.LINES_FROM));
        assertEquals(Progress.Mode.NONE, Progress.resolve(Progress.Mode.AUTO, false, Progress.LINES_FROM - 1));
        assertEquals(Progress.Mode.LINES, Progress.resolve(Progress.Mode.LINES, true, 1));
        try (Progress p = start(Progress.Mode.AUTO, 99)) {
            now.addAndGet(10_000 * MS);
            p.advance(99);
        }
        assertEquals("", written.toString(), "AUTO off a terminal: short work writes nothing, not even the summary");
    }

    @Test
    void manyThreadsAdvanceTogether() throws InterruptedException {
        // A clock that moves 1 ms each time it is read: lines come from whichever thread passes a tenth.
        AtomicLong ticks = new AtomicLong();
        Progress p = Progress.start(err, Progress.Mode.LINES, "validate", 80_000, "articles", () -> ticks.addAndGet(MS));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10_000; i++) {
                    p.advance(1);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        p.close();
        p.close();
        List<String> lines = written.toString().lines().toList();
        assertTrue(lines.size() >= 2 && lines.size() <= 10, written.toString());
        long last = 0;
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.matches("validate  \\d+/80000 articles  [0-9.]+/s  eta .+"), line);
            long count = Long.parseLong(line.substring("validate  ".length(), line.indexOf('/')));
            assertTrue(count > last && count < 80_000, line);
            last = count;
        }
        assertTrue(lines.get(lines.size() - 1).startsWith("validate: 80000 articles in "), lines.get(lines.size() - 1));
    }

    @Test
    void ratesAndDurationsAreFormattedForPeople() {
        assertEquals("26.9", Progress.rate(269, 10_000 * MS));
        assertEquals("-", Progress.rate(5, 0));
        assertEquals("0 s", Progress.duration(0));
        assertEquals("22 s", Progress.duration(22));
        assertEquals("3 min 05 s", Progress.duration(185));
        assertEquals("1 h 02 min", Progress.duration(3725));
        assertEquals("37.2 s", Progress.elapsed(37_200 * MS));
        assertEquals("1 min 00 s", Progress.elapsed(60_000 * MS));
    }
}
