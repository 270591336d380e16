package org.psikg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import openllet.owlapi.OpenlletReasoner;
import openllet.owlapi.OpenlletReasonerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.io.OWLParserException;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

/**
 * Checks ontology/psikg.ttl with a second, independent toolkit (OWL API) and a DL reasoner
 * (Openllet): the ontology is in the OWL 2 DL profile, consistent, has no unsatisfiable named
 * class, and its key axioms (disjointness, functionality, datatype ranges) actually bite.
 */
class OntologyReasonerTest {

    private static final Path ONTOLOGY = Path.of("ontology", "psikg.ttl");

    private static OWLOntologyManager manager;
    private static OWLOntology ontology;
    private static OpenlletReasoner reasoner;

    @BeforeAll
    static void load() throws OWLOntologyCreationException {
        assertTrue(Files.isRegularFile(ONTOLOGY), "missing " + ONTOLOGY.toAbsolutePath());
        manager = OWLManager.createOWLOntologyManager();
        ontology = manager.loadOntologyFromOntologyDocument(
                new FileDocumentSource(ONTOLOGY.toFile(), new TurtleDocumentFormat()));
        reasoner = OpenlletReasonerFactory.getInstance().createReasoner(ontology);
    }

    @AfterAll
    static void dispose() {
        if (reasoner != null) {
            reasoner.dispose();
        }
    }

    @Test
    void everyTripleIsReadAsOwl() {
        OWLOntologyLoaderMetaData meta = manager.getOntologyFormat(ontology)
                .getOntologyLoaderMetaData()
                .orElseThrow(() -> new AssertionError("OWL API gave no loader metadata"));
        List<String> unparsed = meta.getUnparsedTriples().map(Object::toString).sorted().toList();
        assertTrue(unparsed.isEmpty(), () -> ONTOLOGY + ": " + unparsed.size()
                + " triple(s) not mapped to OWL:\n  " + String.join("\n  ", unparsed));
        List<String> guessed = meta.getGuessedDeclarations().entries().stream()
                .map(e -> e.getKey() + " guessed as " + e.getValue()).sorted().toList();
        assertTrue(guessed.isEmpty(), () -> ONTOLOGY + ": undeclared term(s), OWL API had to guess:\n  "
                + String.join("\n  ", guessed));
    }

    @Test
    void isInOwl2DlProfile() {
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        List<String> violations = report.getViolations().stream()
                .map(OntologyReasonerTest::describe).sorted().distinct().toList();
        assertTrue(report.isInProfile(), () -> ONTOLOGY + " is not in the OWL 2 DL profile ("
                + violations.size() + " violation(s)):\n  " + String.join("\n  ", violations));
    }

    @Test
    void isConsistent() {
        assertTrue(reasoner.isConsistent(), ONTOLOGY + " is inconsistent");
    }

    @Test
    void hasNoUnsatisfiableClasses() {
        assertTrue(reasoner.isConsistent(), ONTOLOGY + " is inconsistent");
        List<String> unsatisfiable = reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom().stream()
                .map(OWLClass::toStringID).sorted().toList();
        assertTrue(unsatisfiable.isEmpty(), () -> ONTOLOGY + ": " + unsatisfiable.size()
                + " unsatisfiable class(es):\n  " + String.join("\n  ", unsatisfiable));
    }

    @Test
    void memberAndOrganisationOfAMembershipAreTyped() {
        // A sanity check that the reasoner sees the ORG restrictions on psi:Membership.
        OWLOntology probe = withFacts("""
                <urn:x:m> a psi:Membership ; org:member <urn:x:a> ; org:organization <urn:x:o> .
                """);
        OpenlletReasoner r = OpenlletReasonerFactory.getInstance().createReasoner(probe);
        try {
            var df = manager.getOWLDataFactory();
            String psi = "https://w3id.org/psikg/ontology#";
            assertTrue(r.getTypes(df.getOWLNamedIndividual("urn:x:a"), false)
                    .containsEntity(df.getOWLClass(psi + "Actor")), "org:member of a psi:Membership is a psi:Actor");
            assertTrue(r.getTypes(df.getOWLNamedIndividual("urn:x:o"), false)
                    .containsEntity(df.getOWLClass(psi + "Organisation")),
                    "org:organization of a psi:Membership is a psi:Organisation");
        } finally {
            r.dispose();
        }
    }

    /**
     * Small data sets, each with the consistency the ontology must give them. The typical data
     * leaves out psi:content: Openllet 2.6.5 does not implement rdf:langString (RDF 1.1) and
     * takes its value space to be empty, so any psi:content value looks inconsistent to it.
     */
    static Stream<Arguments> probes() {
        return Stream.of(
                Arguments.of("typical data", true, """
                        <urn:x:eaeu> a psi:IntegrationProject ; psi:status psi:Active ;
                            psi:startDate "2015-01-01"^^xsd:date ; psi:foundingTreaty <urn:x:treaty> .
                        <urn:x:treaty> a psi:Treaty ; psi:date "2014-05"^^xsd:gYearMonth ;
                            psi:signatory <urn:x:russia> .
                        <urn:x:russia> a psi:State .
                        <urn:x:m> a psi:Membership ; org:member <urn:x:russia> ;
                            org:organization <urn:x:eaeu> ; psi:startDate "2015"^^xsd:gYear ;
                            psi:endUnknown false .
                        <urn:x:s> a psi:Statistic ; psi:value 30.5 ; psi:statedChange -23 ;
                            psi:date "2015"^^xsd:gYear ; psi:area <urn:x:russia> .
                        <urn:x:c1> a psi:Thesis ; psi:contradicts <urn:x:c2> .
                        <urn:x:c2> a psi:Prediction .
                        """),
                Arguments.of("soft and hard power instrument at once", false, """
                        <urn:x:i> a psi:SoftPowerInstrument , psi:HardPowerInstrument .
                        """),
                Arguments.of("objective and ambivalent factor at once", false, """
                        <urn:x:f> a psi:EconomicFactor , psi:HistoricalFactor .
                        """),
                Arguments.of("economic and political factor at once", false, """
                        <urn:x:f> a psi:EconomicFactor , psi:PoliticalFactor .
                        """),
                Arguments.of("social and cultural factor at once", false, """
                        <urn:x:f> a psi:SocialFactor , psi:CulturalFactor .
                        """),
                Arguments.of("two statuses for one project", false, """
                        <urn:x:p> psi:status psi:Active , psi:Defunct .
                        """),
                Arguments.of("two claims that agree and contradict", false, """
                        <urn:x:c1> psi:agreesWith <urn:x:c2> .
                        <urn:x:c2> psi:contradicts <urn:x:c1> .
                        """),
                Arguments.of("a date that is a plain string", false, """
                        <urn:x:e> psi:date "in the nineties" .
                        """),
                Arguments.of("a date that is a dateTime", false, """
                        <urn:x:e> psi:startDate "2015-01-01T00:00:00Z"^^xsd:dateTime .
                        """));
    }

    @ParameterizedTest(name = "{0}: consistent = {1}")
    @MethodSource("probes")
    void axiomsBite(String name, boolean consistent, String facts) {
        OWLOntology probe = withFacts(facts);
        OpenlletReasoner r = OpenlletReasonerFactory.getInstance().createReasoner(probe);
        try {
            assertEquals(consistent, r.isConsistent(), name);
        } finally {
            r.dispose();
        }
    }

    /** The ontology plus some Turtle (which may use the ontology file's prefixes), in a fresh manager. */
    private static OWLOntology withFacts(String turtle) {
        try {
            String text = Files.readString(ONTOLOGY, StandardCharsets.UTF_8) + "\n" + turtle;
            OWLOntology o = OWLManager.createOWLOntologyManager().loadOntologyFromOntologyDocument(
                    new StringDocumentSource(text, "urn:x:probe", new TurtleDocumentFormat(), null));
            assertNotNull(o);
            return o;
        } catch (IOException | OWLOntologyCreationException | OWLParserException e) {
            return fail("cannot load the ontology with the probe facts: " + e.getMessage(), e);
        }
    }

    private static String describe(OWLProfileViolation violation) {
        String axiom = violation.getAxiom() == null ? "" : " in " + violation.getAxiom();
        return violation.getClass().getSimpleName() + ": " + violation.getExpression() + axiom;
    }
}
