package org.psikg.validate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.TreeSet;
import org.apache.jena.graph.NodeFactory;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.psikg.validate.Report;
import org.psikg.validate.Result;
import org.psikg.validate.Severity;
import org.psikg.validate.ShapeInfo;

/**
 * SARIF 2.1.0: one run of the tool "psikg", a rule per shape, a result per validation
 * result with a physical location on the annotation file, line and column (relative to the
 * repository root, %SRCROOT%, which originalUriBaseIds gives), so code-review tools mark the
 * line itself, and the focus node as a logical location. Input errors are results too, each
 * under a rule named by its error code, with its whole message and hint.
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String SRCROOT = "%SRCROOT%";
    /** Rule keys of input errors in the rule index (never printed: the rule's id is the error code). */
    private static final String ERROR_RULE = "urn:psikg:error:";

    private SarifReport() {
    }

    /** @param sourceRoot the repository root: artifact URIs are relative to it (%SRCROOT%) */
    static void write(Report report, PrefixMapping prefixes, Path sourceRoot, OutputStream out) throws IOException {
        Path root = sourceRoot.toAbsolutePath().normalize();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        ObjectNode sarif = json.createObjectNode();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", "2.1.0");
        ObjectNode run = sarif.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "psikg");
        driver.put("version", "0.1.0");
        driver.put("informationUri", "https://w3id.org/psikg");
        Map<Node, ShapeInfo> rules = new LinkedHashMap<>(report.shapes());
        report.results().forEach(r -> rules.putIfAbsent(r.shape(), null));
        Map<Node, Integer> ruleIndex = new HashMap<>();
        ArrayNode ruleArray = driver.putArray("rules");
        for (Map.Entry<Node, ShapeInfo> e : rules.entrySet()) {
            ruleIndex.put(e.getKey(), ruleIndex.size());
            ObjectNode rule = ruleArray.addObject();
            rule.put("id", Names.of(e.getKey(), prefixes));
            if (e.getValue() != null) {
                rule.put("name", e.getKey().getLocalName());
                rule.putObject("shortDescription").put("text", e.getValue().label());
                if (e.getValue().comment() != null) {
                    rule.putObject("fullDescription").put("text", TextReport.oneLine(e.getValue().comment()));
                }
                rule.putObject("defaultConfiguration").put("level", level(e.getValue().severity()));
            }
        }
        for (ErrorCode code : new TreeSet<>(report.inputErrors().stream().map(InputError::code).toList())) {
            ruleIndex.put(NodeFactory.createURI(ERROR_RULE + code.id()), ruleIndex.size());
            ObjectNode rule = ruleArray.addObject();
            rule.put("id", code.id());
            rule.put("name", code.id());
            rule.putObject("shortDescription").put("text", "input error " + code.id() + " (docs/errors.md)");
            rule.putObject("defaultConfiguration").put("level", "error");
        }
        ArrayNode results = run.putArray("results");
        for (Result r : report.results()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", Names.of(r.shape(), prefixes));
            result.put("ruleIndex", ruleIndex.get(r.shape()));
            result.put("level", level(r.severity()));
            result.putObject("message").put("text", TextReport.oneLine(r.message()));
            ObjectNode location = result.putArray("locations").addObject();
            if (r.location() != null) {
                physical(location, root, r.location().file(), r.location().line(), r.location().column());
            }
            location.putArray("logicalLocations").addObject()
                    .put("fullyQualifiedName", r.focus().isURI() ? r.focus().getURI() : Names.of(r.focus(), prefixes))
                    .put("kind", "resource");
            ObjectNode props = result.putObject("properties");
            props.put("focusNode", Names.of(r.focus(), prefixes));
            if (r.path() != null) {
                props.put("resultPath", r.path());
            }
            if (r.value() != null) {
                props.put("value", Names.of(r.value(), prefixes));
            }
            if (r.constraintComponent() != null) {
                props.put("sourceConstraintComponent", Names.of(r.constraintComponent(), prefixes));
            }
        }
        for (InputError e : report.inputErrors()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", e.code().id());
            result.put("ruleIndex", ruleIndex.get(NodeFactory.createURI(ERROR_RULE + e.code().id())));
            result.put("level", "error");
            // The whole message and hint: a quote error shows the whole quote and passage here.
            result.putObject("message").put("text", e.hint() == null ? e.message() : e.message() + "\n" + e.hint());
            if (!e.location().file().isEmpty()) {
                physical(result.putArray("locations").addObject(), root, e.location().file(), e.location().line(), e.location().column());
            }
        }
        run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", root.toUri().toString());
        json.writeValue(out, sarif);
    }

    /**
     * The physical location of a file: relative to the root (with the base id %SRCROOT%) when
     * it lies below it, else an absolute file URI.
     */
    private static void physical(ObjectNode location, Path root, String file, int line, int column) {
        ObjectNode physical = location.putObject("physicalLocation");
        Path abs = Path.of(file).toAbsolutePath().normalize();
        ObjectNode artifact = physical.putObject("artifactLocation");
        if (abs.startsWith(root)) {
            StringBuilder uri = new StringBuilder();
            for (Path part : root.relativize(abs)) {
                uri.append(uri.isEmpty() ? "" : "/").append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
            }
            artifact.put("uri", uri.toString()).put("uriBaseId", SRCROOT);
        } else {
            artifact.put("uri", abs.toUri().toString());
        }
        if (line > 0) {
            ObjectNode region = physical.putObject("region").put("startLine", line);
            if (column > 0) {
                region.put("startColumn", column);
            }
        }
    }

    private static String level(Severity s) {
        return switch (s) {
            case VIOLATION -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
