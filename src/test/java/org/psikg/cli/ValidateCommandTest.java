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
    void fixture() throws java.io.IOException {
        Fixture.copyTree(Fixture.BASE, tmp);
        // The base fixture's "the Union" would be an evidence-lint warning (see ValidationCasesTest's lint cases);
        // marked a reading on the same line, it leaves these tests to the shapes.
        Path yaml = tmp.resolve("seeds/article.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("is weak\n    facts:\n      - eaeu status Active",
                "is weak\n    facts:\n      - {fact: eaeu status Active, assertion: reading}"));
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
        // The files as they are on disk (the graph records "seeds/..."), with the column of the
        // annotation or registry entry.
        String seeds = tmp.resolve("seeds") + "/";
        assertEquals(List.of(
                seeds + "article.yaml:20:9: warning: The membership's end is unknown (psish:MembershipEndShape, <" + ARTICLE + "armenia-in-eaeu>)",
                seeds + "article.yaml:25:9: violation: A thesis needs a topic (psish:ThesisShape, <" + ARTICLE + "last-attempt>)",
                seeds + "registry/entities.yaml:2:3: info: A state could have a scope note (psish:StateNoteShape, id:russia)",
                seeds + "registry/entities.yaml:6:3: info: A state could have a scope note (psish:StateNoteShape, id:armenia)",
                "4 result(s): 1 violation(s), 1 warning(s), 2 info",
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
        assertEquals("6", suite.getAttribute("tests"), "the five shapes and the evidence lint, which passes");
        assertEquals("2", suite.getAttribute("failures"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(6, cases.getLength());
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(2, failures.getLength());
        assertTrue(((Element) failures.item(0)).getAttribute("message").startsWith(tmp.resolve("seeds/article.yaml") + ":20:"));
        assertEquals(1, doc.getElementsByTagName("system-out").getLength(), "the infos, below the threshold");
    }

    @Test
    void sarifValidatesAgainstTheSarif210SchemaAndPointsAtTheLine() throws Exception {
        Path out = tmp.resolve("report.sarif");
        Cli.Result r = validate("--format", "sarif", "--output", out.toString(), "--source-root", tmp.toString());
        assertEquals(1, r.exit(), r.both());
        assertTrue(r.out().startsWith("wrote " + out + ": 1 violation(s), 1 warning(s), 2 info"), r.out());
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
        assertEquals("%SRCROOT%", violation.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(25, violation.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(9, violation.at("/locations/0/physicalLocation/region/startColumn").asInt(), "the annotation's id");
        assertEquals(tmp.toUri().toString(), sarif.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asText());
        assertEquals(6, sarif.at("/runs/0/tool/driver/rules").size());
        // Outside the source root (the current folder by default): an absolute file URI.
        Cli.Result outside = validate("--format", "sarif", "--output", out.toString());
        assertEquals(1, outside.exit(), outside.both());
        assertEquals(tmp.resolve("seeds/article.yaml").toUri().toString(),
                new ObjectMapper().readTree(out.toFile()).at("/runs/0/results/1/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void turtleIsTheShaclReportWithSources() throws Exception {
        Cli.Result r = validate("--format", "turtle");
        assertEquals(1, r.exit(), r.both());
        var model = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        model.read(new java.io.StringReader(r.out()), null, "TTL");
        String q = "PREFIX sh: <http://www.w3.org/ns/shacl#> PREFIX psi: <https://w3id.org/psikg/ontology#> "
                + "ASK { [] sh:conforms false ; sh:result [ sh:resultSeverity sh:Violation ; psi:sourceFile \"" + tmp.resolve("seeds/article.yaml") + "\" ; psi:sourceLine 25 ] }";
        assertTrue(org.apache.jena.query.QueryExecution.model(model).query(q).build().execAsk(), r.out());
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
        // A store records its sources as the graph does ("seeds/x.yaml", lines only); from the
        // seeds, the report names the files on disk and the columns.
        assertEquals(seeds.out().replace(tmp + "/", "").replaceAll("(\\.yaml:\\d+):\\d+:", "$1:"), tdb2.out(),
                "the same results, sources and prefixes from the store as from its seeds");
        // The store is let go once validated: this process can replace it.
        Cli.Result again = Cli.run(build);
        assertEquals(0, again.exit(), again.both());
        Cli.Result both = Cli.run("validate", "--seeds", tmp.resolve("seeds").toString(), "--tdb2", store.toString());
        assertEquals(2, both.exit(), both.both());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }

    @Test
    void badShapesOrDataExitTwoWithTheErrorsInTheReport() throws Exception {
        Path badShapes = Files.createDirectories(tmp.resolve("bad-shapes"));
        Files.writeString(badShapes.resolve("x.ttl"), "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<a> a sh:NodeShape .\n<b> <c> <d\n");
        Path out = tmp.resolve("r.txt");
        Cli.Result r = Cli.run("validate", "--seeds", tmp.resolve("seeds").toString(), "--shapes", badShapes.toString(),
                "--output", out.toString());
        assertEquals(2, r.exit(), r.both());
        assertTrue(r.err().contains(badShapes.resolve("x.ttl") + ":4:1: error: Broken IRI"), r.err());
        assertTrue(Files.readString(out).startsWith(badShapes.resolve("x.ttl") + ":4:1: error: Broken IRI"), "the report has the error");
        Files.writeString(tmp.resolve("bad.trig"), "<a> <b> .");
        Cli.Result d = Cli.run("validate", "--data", tmp.resolve("bad.trig").toString(), "--shapes", SHAPES);
        assertEquals(2, d.exit(), d.both());
        assertTrue(d.err().contains("bad.trig:1:"), d.err());
        assertEquals(2, Cli.run("validate", "--seeds", "a", "--data", "b").exit(), "--seeds and --data exclude each other");
    }
}
