package org.psikg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.corpus.synth.SyntheticCorpus;
import org.psikg.rdf.DatasetWriter;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.rdf.RdfFiles;
import org.psikg.support.Fixture;
import org.psikg.validate.internal.PerArticle;
import org.psikg.vocab.PSI;
import org.psikg.vocab.Prefixes;
import org.psikg.vocab.PsikgIris;

/**
 * Validation per article against the whole-union way it replaces: the same results (with
 * their locations, in the same order) and an isomorphic RDF report, on the seeds, on a
 * synthetic corpus, on every validation case (each plants violations of per-article or
 * cross-article rules), and streamed from an N-Quads file, sorted by graph or not.
 */
class PerArticleTest {
    static final Path ONTOLOGY = Path.of("ontology/psikg.ttl");
    static Validator validator;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        validator = Validator.load(Path.of("shapes"));
    }

    @Test
    void theSeedsAreValidatedPerArticleThoughTheyCiteEachOther() {
        DatasetGraph seeds = KnowledgeGraph.build(Path.of("seeds"), ONTOLOGY).dataset();
        PerArticle run = passOne(seeds);
        assertTrue(run.partitionable(), "the seeds do not fall back to the union");
        assertTrue(run.secondLook().contains(PsikgIris.underArticle("busygina-filippov-institutional-experiments", "thesis-end-of-hopes")),
                "bnn-integration-projects-failing cites a thesis of busygina-filippov-institutional-experiments");
    }

    @Test
    void theValidationFixtureIsValidatedPerArticle() throws Exception {
        Path dir = tmp.resolve("fixture");
        Fixture.copyTree(ValidationCasesTest.FIXTURE, dir);
        PerArticle run = passOne(KnowledgeGraph.build(dir.resolve("seeds"), ONTOLOGY).dataset());
        assertTrue(run.partitionable(), "the fixture, whose study cites the news, does not fall back to the union");
        assertTrue(run.secondLook().contains(PsikgIris.underArticle("fixture-news", "thesis-economic-project")), "the study cites the news");
    }

    @Test
    void anArticleThatDescribesAnotherArticlesNodeFallsBack() {
        DatasetGraph data = org.apache.jena.sparql.core.DatasetGraphFactory.create();
        data.add(PsikgIris.graph("a"), PsikgIris.underArticle("b", "claim"), RDF.type.asNode(), PSI.Article);
        assertFalse(passOne(data).partitionable());
    }

    @Test
    void theSeeds() throws Exception {
        DatasetGraph seeds = KnowledgeGraph.build(Path.of("seeds"), ONTOLOGY).dataset();
        Report union = validator.validateUnion(seeds);
        assertSame(union, validator.validate(seeds));
        Path nq = tmp.resolve("seeds.nq");
        DatasetWriter.of(seeds, Prefixes.common()).writeNQuads(nq);
        assertSame(union, validator.validate(nq));
    }

    @Test
    void aSyntheticCorpus() throws Exception {
        SyntheticCorpus.generate(Path.of("seeds"), 30, 7).writeTo(tmp.resolve("synth"));
        DatasetGraph synth = KnowledgeGraph.build(tmp.resolve("synth"), ONTOLOGY).dataset();
        Report union = validator.validateUnion(synth);
        assertTrue(union.results().size() > 30, "the synthetic corpus has results to compare");
        assertSame(union, validator.validate(synth));
    }

    @Test
    void aFileNotSortedByGraphIsValidatedAlike() throws Exception {
        DatasetGraph seeds = KnowledgeGraph.build(Path.of("seeds"), ONTOLOGY).dataset();
        Path nq = tmp.resolve("shuffled.nq");
        // Quads in subject order: every graph's quads interleaved with the others'.
        try (var out = Files.newOutputStream(nq)) {
            var quads = DatasetWriter.of(seeds, Prefixes.common()).quads().stream()
                    .sorted((a, b) -> a.getSubject().toString().compareTo(b.getSubject().toString())).toList();
            var dsg = org.apache.jena.sparql.core.DatasetGraphFactory.create();
            quads.forEach(dsg::add);
            RDFDataMgr.write(out, dsg, RDFFormat.NQUADS);
        }
        assertSame(validator.validateUnion(seeds), validator.validate(nq));
    }

    @TestFactory
    Stream<DynamicTest> theValidationCases() {
        return Fixture.cases("validate/cases").stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            Path dir = Files.createDirectories(tmp.resolve(c.getFileName().toString()));
            Fixture.copyTree(ValidationCasesTest.FIXTURE, dir);
            Map<String, Object> spec = Fixture.apply(c, dir);
            DatasetGraph data = spec.containsKey("data") ? RdfFiles.dataset(c.resolve((String) spec.get("data")))
                    : KnowledgeGraph.build(dir.resolve("seeds"), ONTOLOGY).dataset();
            assertSame(validator.validateUnion(data), validator.validate(data));
        }));
    }

    /** Pass one only, which needs neither the engine nor the shapes. */
    private static PerArticle passOne(DatasetGraph data) {
        PerArticle run = new PerArticle(null, null, 1);
        data.find().forEachRemaining(run::add);
        return run;
    }

    private static void assertSame(Report union, Report perArticle) {
        assertEquals(union.results().stream().map(Object::toString).toList(),
                perArticle.results().stream().map(Object::toString).toList());
        assertTrue(union.shaclReport().isIsomorphicWith(perArticle.shaclReport()), "the RDF reports are isomorphic");
    }
}
