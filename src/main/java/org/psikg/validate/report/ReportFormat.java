package org.psikg.validate.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apache.jena.shared.PrefixMapping;
import org.psikg.validate.Report;
import org.psikg.validate.Severity;

/**
 * The forms {@code psikg validate} writes a report in.
 * <pre>
 * ReportFormat.sarif.write(report, Severity.VIOLATION, Prefixes.common(), System.out);
 * </pre>
 */
public enum ReportFormat {
    /** One line per result, {@code file:line: severity: message (shape, focus node)}, then counts. */
    text,
    /** The SHACL validation report, with psi:sourceFile and psi:sourceLine on each located result. */
    turtle,
    /** JUnit XML: a test case per shape, a failure per result at or above the threshold. */
    junit,
    /** SARIF 2.1.0, with a physical location on the annotation file and line of each result. */
    sarif;

    /** @param threshold the --fail-on severity: what counts as a failure in junit, an error level in text */
    public void write(Report report, Severity threshold, PrefixMapping prefixes, OutputStream out) throws IOException {
        write(report, threshold, prefixes, Path.of(""), out);
    }

    /** @param sourceRoot the repository root, which SARIF's artifact URIs are relative to */
    public void write(Report report, Severity threshold, PrefixMapping prefixes, Path sourceRoot, OutputStream out) throws IOException {
        switch (this) {
            case text -> TextReport.write(report, prefixes, out);
            case turtle -> TurtleReport.write(report, prefixes, out);
            case junit -> JunitReport.write(report, threshold, prefixes, out);
            case sarif -> SarifReport.write(report, prefixes, sourceRoot, out);
        }
    }
}
