package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The validation engine and its report formats, on the base loader fixture with the test
 * shapes of src/test/resources/validate/engine: one violation, one warning and two infos,
 * each traced to the annotation or registry entry behind it. The shapes come in two files
 * whose blank nodes carry the same labels, which must stay apart when merged.
 */
class ValidateCommandTest {
    private static final String SHAPES = "src/test/resources/validate/engine";
    private static final String ARTICLE = "https://w3id.org/psikg/article/test-article/";

    @TempDir
    Path tmp;

    @BeforeEach
    void fixture() {
        Fixture.copyTree(Fixture.BASE, tmp);
    }

    private Cli.Result validate(String... more) {
        List<String> args = new ArrayList<>(List.of("validate", "--seeds", tmp.resolve("seeds").toString(),
                "--ontology", tmp.resolve("ontology.ttl").toString(), "--shapes", SHAPES));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void textReportsEachResultAtItsSource() {
        Cli.Result r = validate();
        assertEquals(1, r.exit(), r.both());
        assertEquals(List.of(
                "seeds/article.yaml:20: warning: The membership's end is unknown (psish:MembershipEndShape, <" + ARTICLE + "armenia-in-eaeu>)",
                "seeds/article.yaml:25: violation: A thesis needs a topic (psish:ThesisShape, <" + ARTICLE + "last-attempt>)",
                // The evidence lint: the quote "the Union" does not name the EAEU, and the annotation has no 'refers'.
                "seeds/article.yaml:33:9: warning: the quote of annotation 'union-weak' mentions neither its subject eaeu nor its object"
                        + " (term or text, not checked) of the stated statement 'eaeu status Active': fix the quote, mark the statement a"
                        + " reading, or name the anaphor in 'refers' (psish:EvidenceMentionRule, <" + ARTICLE + "annotation/union-weak>)",
                "seeds/registry/entities.yaml:2: info: A state could have a scope note (psish:StateNoteShape, id:russia)",
                "seeds/registry/entities.yaml:6: info: A state could have a scope note (psish:StateNoteShape, id:armenia)",
                "5 result(s): 1 violation(s), 2 warning(s), 2 info",
                "      1  psish:EvidenceMentionRule",
                "      1  psish:MembershipEndShape",
                "      2  psish:StateNoteShape",
                "      1  psish:ThesisShape"), r.out().lines().toList());
    }

    @Test
    void failOnSetsTheThreshold() throws Exception {
        String yaml = Files.readString(tmp.resolve("seeds/article.yaml"));
        Files.writeString(tmp.resolve("seeds/article.yaml"), yaml.replace("claimant: author,", "claimant: author, topic: eaeu,"));
        assertEquals(0, validate().exit(), "no violation left");
        assertEquals(1, validate("--fail-on", "warning").exit());
        assertEquals(1, validate("--fail-on", "info").exit());
    }

    @Test
    void junitHasATestCasePerShapeAndAFailurePerResult() throws Exception {
        Cli.Result r = validate("--format", "junit", "--fail-on", "warning");
        assertEquals(1, r.exit(), r.both());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(r.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("6", suite.getAttribute("tests"), "the five shapes and the evidence lint");
        assertEquals("3", suite.getAttribute("failures"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(6, cases.getLength());
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(3, failures.getLength());
        assertTrue(((Element) failures.item(0)).getAttribute("message").startsWith("seeds/article.yaml:"));
        boolean lint = false;
        for (int i = 0; i < failures.getLength(); i++) {
            lint |= ((Element) failures.item(i)).getAttribute("message").startsWith("seeds/article.yaml:33:9: warning: the quote of annotation 'union-weak'");
        }
        assertTrue(lint, "the lint's warning, with its column");
        assertEquals(1, doc.getElementsByTagName("system-out").getLength(), "the infos, below the threshold");
    }

    @Test
    void sarifValidatesAgainstTheSarif210SchemaAndPointsAtTheLine() throws Exception {
        Path out = tmp.resolve("report.sarif");
        Cli.Result r = validate("--format", "sarif", "--output", out.toString());
        assertEquals(1, r.exit(), r.both());
        assertTrue(r.out().startsWith("wrote " + out + ": 1 violation(s), 2 warning(s), 2 info"), r.out());
        JsonNode sarif = new ObjectMapper().readTree(out.toFile());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertEquals(Set.of(), errors);
        JsonNode violation = sarif.at("/runs/0/results/1");
        assertEquals("error", violation.get("level").asText());
        assertEquals("psish:ThesisShape", violation.get("ruleId").asText());
        assertEquals("seeds/article.yaml", violation.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(25, violation.at("/locations/0/physicalLocation/region/startLine").asInt());
        JsonNode lint = sarif.at("/runs/0/results/2");
        assertEquals("psish:EvidenceMentionRule", lint.get("ruleId").asText());
        assertEquals("warning", lint.get("level").asText());
        assertEquals(33, lint.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(9, lint.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertEquals(6, sarif.at("/runs/0/tool/driver/rules").size());
    }

    @Test
    void turtleIsTheShaclReportWithSources() throws Exception {
        Cli.Result r = validate("--format", "turtle");
        assertEquals(1, r.exit(), r.both());
        var model = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        model.read(new java.io.StringReader(r.out()), null, "TTL");
        String q = "PREFIX sh: <http://www.w3.org/ns/shacl#> PREFIX psi: <https://w3id.org/psikg/ontology#> "
                + "ASK { [] sh:conforms false ; sh:result [ sh:resultSeverity sh:Violation ; psi:sourceFile \"seeds/article.yaml\" ; psi:sourceLine 25 ] }";
        assertTrue(org.apache.jena.query.QueryExecution.model(model).query(q).build().execAsk(), r.out());
        String lint = "PREFIX sh: <http://www.w3.org/ns/shacl#> PREFIX psi: <https://w3id.org/psikg/ontology#> "
                + "PREFIX psish: <https://w3id.org/psikg/shapes#> ASK { [] sh:result [ sh:resultSeverity sh:Warning ; "
                + "sh:sourceShape psish:EvidenceMentionRule ; psi:sourceFile \"seeds/article.yaml\" ; psi:sourceLine 33 ; psi:sourceColumn 9 ] }";
        assertTrue(org.apache.jena.query.QueryExecution.model(model).query(lint).build().execAsk(), r.out());
    }

    @Test
    void dataFileIsValidatedWithoutSources() throws Exception {
        Path trig = tmp.resolve("out/x.trig");
        assertEquals(0, Cli.run("build", "--seeds", tmp.resolve("seeds").toString(), "--ontology",
                tmp.resolve("ontology.ttl").toString(), "--out", trig.toString()).exit());
        Cli.Result r = Cli.run("validate", "--data", trig.toString(), "--shapes", SHAPES);
        assertEquals(1, r.exit(), r.both());
        assertTrue(r.out().contains("seeds/article.yaml:25: violation: A thesis needs a topic"), "provenance is in the data: " + r.out());
    }

    @Test
    void aTdb2StoreIsValidatedAsItsSeedsAreAndStaysWritable() throws Exception {
        Path store = tmp.resolve("tdb2");
        String[] build = {"build", "--seeds", tmp.resolve("seeds").toString(), "--ontology", tmp.resolve("ontology.ttl").toString(),
            "--out", tmp.resolve("out/x.trig").toString(), "--tdb2", store.toString()};
        assertEquals(0, Cli.run(build).exit());
        Cli.Result seeds = validate();
        Cli.Result tdb2 = Cli.run("validate", "--tdb2", store.toString(), "--shapes", SHAPES);
        assertEquals(1, tdb2.exit(), tdb2.both());
        // Less the evidence lint, which reads the corpus: a store has none.
        List<String> shaclOnly = seeds.out().lines().filter(l -> !l.contains("psish:EvidenceMentionRule")).toList();
        assertEquals(String.join("\n", shaclOnly).replace("5 result(s): 1 violation(s), 2 warning(s)", "4 result(s): 1 violation(s), 1 warning(s)"),
                String.join("\n", tdb2.out().lines().toList()), "the same results, sources and prefixes from the store as from its seeds");
        // The store is let go once validated: this process can replace it.
        Cli.Result again = Cli.run(build);
        assertEquals(0, again.exit(), again.both());
        Cli.Result both = Cli.run("validate", "--seeds", tmp.resolve("seeds").toString(), "--tdb2", store.toString());
        assertEquals(2, both.exit(), both.both());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }

    @Test
    void badShapesOrDataExitTwoAndWriteNothing() throws Exception {
        Path badShapes = Files.createDirectories(tmp.resolve("bad-shapes"));
        Files.writeString(badShapes.resolve("x.ttl"), "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<a> a sh:NodeShape .\n<b> <c> <d\n");
        Path out = tmp.resolve("r.txt");
        Cli.Result r = Cli.run("validate", "--seeds", tmp.resolve("seeds").toString(), "--shapes", badShapes.toString(),
                "--output", out.toString());
        assertEquals(2, r.exit(), r.both());
        assertTrue(r.err().contains(badShapes.resolve("x.ttl") + ":4:1: error: Broken IRI"), r.err());
        assertTrue(!Files.exists(out));
        Files.writeString(tmp.resolve("bad.trig"), "<a> <b> .");
        Cli.Result d = Cli.run("validate", "--data", tmp.resolve("bad.trig").toString(), "--shapes", SHAPES);
        assertEquals(2, d.exit(), d.both());
        assertTrue(d.err().contains("bad.trig:1:"), d.err());
        assertEquals(2, Cli.run("validate", "--seeds", "a", "--data", "b").exit(), "--seeds and --data exclude each other");
    }
}
