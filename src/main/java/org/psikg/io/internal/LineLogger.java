package org.psikg.io.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.psikg.io.LogLine;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One logger of psikg's SLF4J provider: {@code [thread] LEVEL name - message} on standard
 * error (the layout of slf4j-simple, which psikg used before), each line made safe by
 * {@link LogLine}, a throwable's trace cut at {@value #MAX_TRACE_LINES} lines.
 */
final class LineLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    static final int MAX_TRACE_LINES = 60;
    private static final Object LOCK = new Object();

    /** The least {@link Level#toInt()} that is written; above ERROR's for none. */
    private final int threshold;

    LineLogger(String name, int threshold) {
        this.name = name;
        this.threshold = threshold;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return isInfoEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return isWarnEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return isErrorEnabled();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        String line = LogLine.of("[" + Thread.currentThread().getName() + "] " + level + " " + name + " - " + message);
        List<String> trace = throwable == null ? List.of() : trace(throwable);
        // System.err as it is now, not as it was when the logger was made, as slf4j-simple does.
        PrintStream err = System.err;
        synchronized (LOCK) {
            err.println(line);
            trace.forEach(err::println);
            err.flush();
        }
    }

    /**
     * A throwable as printStackTrace writes it (without suppressed ones), one line per
     * frame and cause, so that a message holding line breaks stays on its line, cut at
     * {@value #MAX_TRACE_LINES} lines.
     */
    private static List<String> trace(Throwable t) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int total = 0;
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            StackTraceElement[] frames = c.getStackTrace();
            total += 1 + frames.length;
            add(lines, (c == t ? "" : "Caused by: ") + c);
            for (StackTraceElement f : frames) {
                add(lines, "\tat " + f);
            }
        }
        if (total > lines.size()) {
            lines.add("\t... " + (total - lines.size()) + " more lines of the trace left out");
        }
        return lines;
    }

    private static void add(List<String> lines, String line) {
        if (lines.size() < MAX_TRACE_LINES) {
            lines.add(LogLine.of(line));
        }
    }
}
