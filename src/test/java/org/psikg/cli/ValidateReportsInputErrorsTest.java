package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a CI user gets from {@code psikg validate} when the corpus is broken and when it does
 * not conform, with the seeds in a folder of another name below the repository
 * ({@code corpus/annotations}): a broken quote, a YAML syntax error in an annotation file and
 * in a registry file, an unknown term in the registry, a broken ontology, a SHACL violation
 * and an evidence-lint warning each give a report file in every format (text, JUnit, Turtle,
 * SARIF valid against the 2.1.0 schema) that names the file (relative to the repository root
 * in SARIF), its line and column, and the documented exit code (2 bad input, 1 does not
 * conform).
 */
class ValidateReportsInputErrorsTest {
    private static final String SHAPES = "src/test/resources/validate/engine";

    @TempDir
    Path repo;

    @BeforeEach
    void fixture() {
        Fixture.copyTree(Fixture.BASE.resolve("seeds"), repo.resolve("corpus/annotations"));
        Fixture.copyTree(Fixture.BASE.resolve("ontology.ttl"), repo.resolve("ontology.ttl"));
    }

    static Stream<Arguments> errors() {
        String article = "corpus/annotations/article.yaml";
        String registry = "corpus/annotations/registry/entities.yaml";
        return Stream.of(
                // the file (relative to the repository), find, with, exit code, rule, severity, line, column (the
                // parser's for YAML and RDF, the value's for a term, the annotation's id for a SHACL result, the
                // statement's for the evidence lint), a part of the message
                Arguments.of(article, "quote: the last attempt at integration", "quote: the last atempt at integration", 2,
                        "quote-not-found", "Violation", 26, 12, "quote not found"),
                Arguments.of(article, "about: [armenia, eaeu]", "about: [armenia, eaeu", 2, "yaml-syntax", "Violation", 23, 10,
                        "YAML syntax error"),
                Arguments.of(article, "nothing changed", null, 1, "psish:ThesisShape", "Violation", 25, 9, "A thesis needs a topic"),
                // The base fixture's "the Union" names the EAEU only by an anaphor its annotation does not list in 'refers'.
                Arguments.of(article, "nothing changed", null, 1, "psish:EvidenceMentionRule", "Warning", 33, 9,
                        "mentions neither its subject eaeu nor its object"),
                // The flow mapping left open on line 8: the parser stops at the ':' of the next key.
                Arguments.of(registry, "label: {en: Armenia, ru: Армения}", "label: {en: Armenia, ru: Армения", 2, "yaml-syntax",
                        "Violation", 9, 7, "YAML syntax error"),
                Arguments.of(registry, "type: State\n    label: {en: Armenia", "type: Stat\n    label: {en: Armenia", 2,
                        "unknown-term", "Violation", 7, 11, "Stat"),
                Arguments.of("ontology.ttl", "psi:Thesis a owl:Class .", "psi:Thesis a oowl:Class .", 2, "rdf-syntax", "Violation",
                        15, 14, "oowl"));
    }

    /** A warning fails the run only with --fail-on warning: the lint's case asks for it, so that JUnit has it as a failure. */
    private Cli.Result validate(String format, Path out, String severity) {
        return Cli.run("validate", "--seeds", repo.resolve("corpus/annotations").toString(), "--ontology",
                repo.resolve("ontology.ttl").toString(), "--shapes", SHAPES, "--format", format, "--output", out.toString(),
                "--source-root", repo.toString(), "--fail-on", severity.toLowerCase(java.util.Locale.ROOT));
    }

    private void edit(String file, String find, String with) throws Exception {
        if (with == null) {
            return;
        }
        Path f = repo.resolve(file);
        String text = Files.readString(f);
        assertTrue(text.contains(find), "the fixture changed: no '" + find + "' in " + file);
        Files.writeString(f, text.replace(find, with));
    }

    @ParameterizedTest(name = "{4} in {0}")
    @MethodSource("errors")
    void sarifNamesTheFileLineAndColumnAndValidates(String file, String find, String with, int exit, String rule, String severity,
                                                     int line, int column, String message) throws Exception {
        edit(file, find, with);
        Path out = repo.resolve("psikg.sarif");
        Cli.Result r = validate("sarif", out, severity);
        assertEquals(exit, r.exit(), r.both());
        JsonNode sarif = new ObjectMapper().readTree(out.toFile());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertEquals(Set.of(), schema.validate(sarif));
        JsonNode result = null;
        for (JsonNode res : sarif.at("/runs/0/results")) {
            if (res.get("ruleId").asText().equals(rule)) {
                result = res;
            }
        }
        assertTrue(result != null, "no result of " + rule + " in " + sarif);
        assertEquals(severity.equals("Warning") ? "warning" : "error", result.get("level").asText());
        assertTrue(result.at("/message/text").asText().contains(message), result.toString());
        JsonNode at = result.at("/locations/0/physicalLocation");
        assertEquals(file, at.at("/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", at.at("/artifactLocation/uriBaseId").asText());
        assertEquals(line, at.at("/region/startLine").asInt(), at.toString());
        assertEquals(column, at.at("/region/startColumn").asInt(), at.toString());
        JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
        assertEquals(rule, rules.get(result.get("ruleIndex").asInt()).get("id").asText());
    }

    @ParameterizedTest(name = "{4} in {0}")
    @MethodSource("errors")
    void everyFormatHasTheResultAtItsPlace(String file, String find, String with, int exit, String rule, String severity,
                                           int line, int column, String message) throws Exception {
        edit(file, find, with);
        String path = repo.resolve(file).toString();
        Path text = repo.resolve("out/report.txt");
        Cli.Result t = validate("text", text, severity);
        assertEquals(exit, t.exit(), t.both());
        String place = path + ":" + line + ":" + column + ": ";
        String level = severity.equals("Warning") ? "warning: " : (exit == 2 ? "error: " : "violation: ");
        assertTrue(Files.readString(text).lines().anyMatch(l -> l.startsWith(place + level) && l.contains(message)),
                place + level + "... " + message + " in\n" + Files.readString(text));

        Path junit = repo.resolve("out/report.xml");
        assertEquals(exit, validate("junit", junit, severity).exit());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        boolean found = false;
        for (int i = 0; i < doc.getElementsByTagName("failure").getLength(); i++) {
            Element failure = (Element) doc.getElementsByTagName("failure").item(i);
            String m = failure.getAttribute("message");
            String testCase = ((Element) failure.getParentNode()).getAttribute("name");
            found |= m.startsWith(place) && m.contains(message) && testCase.contains(rule);
        }
        assertTrue(found, place + " " + message + " under " + rule + " in\n" + Files.readString(junit));

        Path turtle = repo.resolve("out/report.ttl");
        assertEquals(exit, validate("turtle", turtle, severity).exit());
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader(Files.readString(turtle)), null, "TTL");
        String ask = "PREFIX sh: <http://www.w3.org/ns/shacl#> PREFIX psi: <https://w3id.org/psikg/ontology#> "
                + "ASK { [] sh:conforms false ; sh:result [ sh:resultSeverity sh:" + severity + " ; psi:sourceFile \"" + path
                + "\" ; psi:sourceLine " + line + " ; psi:sourceColumn " + column + " ; sh:resultMessage ?m ]"
                + " FILTER CONTAINS(?m, \"" + message + "\") }";
        assertTrue(QueryExecution.model(m).query(ask).build().execAsk(), Files.readString(turtle));
    }

    @Test
    void anInputErrorIsPrintedOnStandardErrorAndNotRepeatedOnStandardOutput() throws Exception {
        edit("corpus/annotations/article.yaml", "quote: the last attempt at integration", "quote: the last atempt at integration");
        Cli.Result r = Cli.run("validate", "--seeds", repo.resolve("corpus/annotations").toString(), "--ontology",
                repo.resolve("ontology.ttl").toString(), "--shapes", SHAPES);
        assertEquals(2, r.exit(), r.both());
        assertEquals("", r.out());
        List<String> err = r.err().lines().toList();
        assertTrue(err.get(0).startsWith(repo.resolve("corpus/annotations/article.yaml") + ":26:12: error: quote not found"), r.err());
        assertEquals("psikg: 1 error(s) in the input; no shape was checked", err.get(err.size() - 1));
    }
}
