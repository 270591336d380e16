package org.psikg.validate.report;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.validate.Report;
import org.psikg.validate.Result;
import org.psikg.validate.Severity;
import org.psikg.validate.ShapeInfo;

/**
 * JUnit XML, the form CI servers render: one test suite, a test case per shape (every shape
 * of the shapes graph, so passing rules show as passed), a failure per result at or above the
 * threshold; results below it go to the test case's system-out. Input errors make a second
 * suite, psikg.input, with a test case per error code and a failure per error.
 */
final class JunitReport {
    private JunitReport() {
    }

    static void write(Report report, Severity threshold, PrefixMapping prefixes, OutputStream out) throws java.io.IOException {
        Map<Node, List<Result>> byShape = new LinkedHashMap<>();
        report.shapes().keySet().forEach(s -> byShape.put(s, new ArrayList<>()));
        report.results().forEach(r -> byShape.computeIfAbsent(r.shape(), k -> new ArrayList<>()).add(r));
        long failures = byShape.values().stream().filter(rs -> rs.stream().anyMatch(r -> r.severity().atLeast(threshold))).count();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "psikg validate");
            w.writeAttribute("tests", Integer.toString(byShape.size() + inputCases(report.inputErrors()).size()));
            w.writeAttribute("failures", Long.toString(failures + inputCases(report.inputErrors()).size()));
            w.writeCharacters("\n  ");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "psikg.shapes");
            w.writeAttribute("tests", Integer.toString(byShape.size()));
            w.writeAttribute("failures", Long.toString(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            for (Map.Entry<Node, List<Result>> e : byShape.entrySet()) {
                testCase(w, e.getKey(), e.getValue(), report.shapes().get(e.getKey()), threshold, prefixes);
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            inputSuite(w, report.inputErrors());
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new java.io.IOException(e);
        }
    }

    /** The input errors by code, in the order of the codes. */
    private static Map<ErrorCode, List<InputError>> inputCases(List<InputError> errors) {
        Map<ErrorCode, List<InputError>> byCode = new TreeMap<>();
        errors.forEach(e -> byCode.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(e));
        return byCode;
    }

    /** A second suite, psikg.input, when the input had errors: a test case per error code, a failure per error. */
    private static void inputSuite(XMLStreamWriter w, List<InputError> errors) throws XMLStreamException {
        if (errors.isEmpty()) {
            return;
        }
        Map<ErrorCode, List<InputError>> byCode = inputCases(errors);
        w.writeCharacters("\n  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", "psikg.input");
        w.writeAttribute("tests", Integer.toString(byCode.size()));
        w.writeAttribute("failures", Integer.toString(byCode.size()));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", "0");
        for (Map.Entry<ErrorCode, List<InputError>> e : byCode.entrySet()) {
            w.writeCharacters("\n    ");
            w.writeStartElement("testcase");
            w.writeAttribute("classname", "psikg.input");
            w.writeAttribute("name", e.getKey().id());
            for (InputError error : e.getValue()) {
                w.writeCharacters("\n      ");
                w.writeStartElement("failure");
                w.writeAttribute("type", "error");
                w.writeAttribute("message", error.location() + ": " + TextReport.oneLine(error.message()) + " [" + error.code().id() + "]");
                w.writeCharacters(error.format());
                w.writeEndElement();
            }
            w.writeCharacters("\n    ");
            w.writeEndElement();
        }
        w.writeCharacters("\n  ");
        w.writeEndElement();
    }

    private static void testCase(XMLStreamWriter w, Node shape, List<Result> results, ShapeInfo info, Severity threshold,
                                 PrefixMapping prefixes) throws XMLStreamException {
        w.writeCharacters("\n    ");
        w.writeStartElement("testcase");
        w.writeAttribute("classname", "psikg.shapes");
        w.writeAttribute("name", Names.of(shape, prefixes) + (info != null ? " (" + info.label() + ")" : ""));
        StringBuilder below = new StringBuilder();
        for (Result r : results) {
            String line = (r.location() == null ? "(no source)" : r.location().toString()) + ": " + r.severity().word() + ": "
                    + TextReport.oneLine(r.message()) + " (" + Names.of(r.focus(), prefixes) + ")";
            if (r.severity().atLeast(threshold)) {
                w.writeCharacters("\n      ");
                w.writeStartElement("failure");
                w.writeAttribute("type", r.severity().word());
                w.writeAttribute("message", line);
                w.writeCharacters(line + (r.value() != null ? "\nvalue: " + Names.of(r.value(), prefixes) : "")
                        + (r.path() != null ? "\npath: " + r.path() : ""));
                w.writeEndElement();
            } else {
                below.append(line).append('\n');
            }
        }
        if (!below.isEmpty()) {
            w.writeCharacters("\n      ");
            w.writeStartElement("system-out");
            w.writeCharacters(below.toString());
            w.writeEndElement();
        }
        w.writeCharacters("\n    ");
        w.writeEndElement();
    }
}
