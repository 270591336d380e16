package org.psikg.io.internal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * psikg's SLF4J provider (found through META-INF/services), so that every line psikg, Jena,
 * Fuseki and Jetty log goes through {@link org.psikg.io.LogLine}: a client's query text can
 * neither forge a line nor make one without bound. The level is INFO, or what the system
 * property {@value #LEVEL_PROPERTY} says (trace, debug, info, warn, error, off), slf4j-simple's name
 * for it.
 */
public final class LineLoggerProvider implements SLF4JServiceProvider {
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private ILoggerFactory loggers;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        int level = threshold(System.getProperty(LEVEL_PROPERTY, "info"));
        Map<String, Logger> made = new ConcurrentHashMap<>();
        loggers = name -> made.computeIfAbsent(name, n -> new LineLogger(n, level));
    }

    private static int threshold(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        if (n.equals("OFF")) {
            return Level.ERROR.toInt() + 1;
        }
        try {
            return Level.valueOf(n).toInt();
        } catch (IllegalArgumentException e) {
            return Level.INFO.toInt();
        }
    }
}
