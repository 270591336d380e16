package org.psikg.validate.report;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.shared.PrefixMapping;
import org.psikg.error.InputError;
import org.psikg.validate.Report;
import org.psikg.validate.Result;
import org.psikg.validate.Severity;

/**
 * The text report: one line per result in the compilers' form, grouped by file (results
 * come sorted by file and line; those with no source last), then the counts by severity and
 * by shape; or, when the input could not be built, its errors as every command prints them.
 */
final class TextReport {
    private TextReport() {
    }

    static void write(Report report, PrefixMapping prefixes, OutputStream out) {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (InputError e : report.inputErrors()) {
            w.println(e.format());
        }
        if (!report.inputErrors().isEmpty()) {
            w.printf("%d input error(s): the graph could not be built, so no shape was checked%n", report.inputErrors().size());
        }
        for (Result r : report.results()) {
            w.printf("%s: %s: %s (%s, %s)%n", r.location() == null ? "(no source)" : r.location(), r.severity().word(),
                    oneLine(r.message()), Names.of(r.shape(), prefixes), Names.of(r.focus(), prefixes));
        }
        if (!report.inputErrors().isEmpty()) {
            w.flush();
            return;
        }
        Map<Severity, Integer> bySeverity = report.countBySeverity();
        Map<String, Integer> byShape = new TreeMap<>();
        report.results().forEach(r -> byShape.merge(Names.of(r.shape(), prefixes), 1, Integer::sum));
        w.printf("%d result(s): %d violation(s), %d warning(s), %d info%n", report.results().size(),
                bySeverity.getOrDefault(Severity.VIOLATION, 0), bySeverity.getOrDefault(Severity.WARNING, 0),
                bySeverity.getOrDefault(Severity.INFO, 0));
        byShape.forEach((shape, n) -> w.printf("  %5d  %s%n", n, shape));
        w.flush();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
