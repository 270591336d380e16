package org.psikg.validate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
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
 * result with a physical location on the annotation file and line (relative to the
 * repository root, %SRCROOT%), so code-review tools mark the line itself, and the focus node
 * as a logical location.
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    static void write(Report report, PrefixMapping prefixes, OutputStream out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        ObjectNode root = json.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
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
        ArrayNode results = run.putArray("results");
        for (Result r : report.results()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", Names.of(r.shape(), prefixes));
            result.put("ruleIndex", ruleIndex.get(r.shape()));
            result.put("level", level(r.severity()));
            result.putObject("message").put("text", TextReport.oneLine(r.message()));
            ObjectNode location = result.putArray("locations").addObject();
            if (r.location() != null) {
                ObjectNode physical = location.putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", r.location().file()).put("uriBaseId", "%SRCROOT%");
                ObjectNode region = physical.putObject("region").put("startLine", r.location().line());
                if (r.location().column() > 0) {
                    region.put("startColumn", r.location().column());
                }
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
        json.writeValue(out, root);
    }

    private static String level(Severity s) {
        return switch (s) {
            case VIOLATION -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
