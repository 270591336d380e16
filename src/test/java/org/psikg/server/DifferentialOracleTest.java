package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.Prefixes;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.apache.jena.sparql.util.XSDNumUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.psikg.query.QueryRunner;
import org.psikg.store.TdbStore;
import org.psikg.support.Fixture;
import org.psikg.support.RandomPatterns;
import org.psikg.support.SeedBuild;

/**
 * The differential oracle (docs/oracle.md): the served store must answer every question as
 * Jena's plain in-memory dataset of the same dump does. The served side is what {@code psikg
 * serve} runs, a TDB2 dataset with the union default graph, in memory and on disk, behind a
 * real server on a free port, asked over HTTP; the oracle is a {@link DatasetGraphFactory}
 * dataset whose default graph is the union of the named graphs, computed here. Asked: every
 * competency query of queries/, the held pairs of equivalent forms of
 * src/test/resources/oracle/manifest.tsv, and {@link RandomPatterns#COUNT} random basic graph
 * patterns drawn from the data with a fixed seed. Answers are compared as multisets (blank
 * nodes up to renaming), both sides printed when they differ.
 * <p>
 * One difference is by design and modelled on the oracle's side: TDB2 holds an xsd:decimal by
 * its value and gives back its canonical form ({@code "9"} comes back as {@code "9.0"}), so the
 * oracle's copy of the dump holds the canonical forms too (docs/decisions.md).
 */
class DifferentialOracleTest {
    static final Path ORACLE = Fixture.RESOURCES.resolve("oracle");
    static final Path DISK = Path.of("target/oracle-tdb2");

    static DatasetGraph oracle;
    static List<Served> served;

    /** One served store: its name and the server in front of it. */
    record Served(String name, PsikgServer server) {
        String endpoint() {
            return server.url() + ServerSettings.DATASET + "/sparql";
        }
    }

    @BeforeAll
    static void start() throws IOException {
        SeedBuild.dataset();
        DatasetGraph dump = RDFDataMgr.loadDatasetGraph(SeedBuild.TRIG.toString());
        oracle = oracleOf(dump);
        TdbStore.write(DISK, dump, Prefixes.adapt(dump.prefixes()));
        ServerSettings settings = ServerSettings.builder().port(0).build();
        served = List.of(
                new Served("tdb2-memory", PsikgServer.start(TdbStore.inMemory(dump, Prefixes.adapt(dump.prefixes())), settings, null)),
                new Served("tdb2-disk", PsikgServer.start(TdbStore.open(DISK), settings, null)));
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.forEach(s -> s.server().close());
        }
    }

    /**
     * The dump as Jena's general in-memory dataset: its named graphs as they are, its default
     * graph the union of their triples (each once), each xsd:decimal in canonical form.
     */
    static DatasetGraph oracleOf(DatasetGraph dump) {
        Graph union = GraphFactory.createDefaultGraph();
        DatasetGraph dsg = DatasetGraphFactory.create(union);
        dump.find().forEachRemaining(q -> {
            if (q.isDefaultGraph()) {
                throw new IllegalStateException("the dump has a triple in the default graph, which TDB2's union hides: " + q);
            }
            Node o = canonical(q.getObject());
            dsg.add(Quad.create(q.getGraph(), q.getSubject(), q.getPredicate(), o));
            union.add(q.getSubject(), q.getPredicate(), o);
        });
        return dsg;
    }

    static Node canonical(Node n) {
        if (n.isLiteral() && XSDDatatype.XSDdecimal.equals(n.getLiteralDatatype())) {
            String canonical = XSDNumUtils.stringForm(XSDNumUtils.xsdParseDecimal(n.getLiteralLexicalForm()));
            return NodeFactory.createLiteralDT(canonical, XSDDatatype.XSDdecimal);
        }
        return n;
    }

    @Test
    void theOracleSeesTheIssueQueryAnswerSixty() {
        ResultSetRewindable rs = onOracle(QueryFactory.read(ORACLE.resolve("issue-13-alternative-count.rq").toString()));
        assertEquals(60, rs.next().getLiteral("n").getInt());
    }

    @Test
    void heldPairsAreEquivalentOnTheOracle() {
        for (Pair p : pairs()) {
            assertSame(p.name() + ": " + p.why(), "oracle, " + p.left(), onOracle(p.leftQuery()),
                    "oracle, " + p.right(), onOracle(p.rightQuery()));
        }
    }

    @TestFactory
    Stream<DynamicNode> competencyQueries() {
        List<Path> files = QueryRunner.queryFiles(Path.of("queries"));
        assertTrue(files.size() >= 40, files.size() + " competency queries");
        return perStore(s -> files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> assertAnswersAlike(s, f.getFileName().toString(), QueryFactory.read(f.toString())))));
    }

    @TestFactory
    Stream<DynamicNode> heldPairs() {
        List<Pair> pairs = pairs();
        assertTrue(pairs.size() >= 10, pairs.size() + " pairs");
        return perStore(s -> pairs.stream().flatMap(p -> Stream.of(
                DynamicTest.dynamicTest(p.name() + " " + p.left(), () -> assertAnswersAlike(s, p.left(), p.leftQuery())),
                DynamicTest.dynamicTest(p.name() + " " + p.right(), () -> assertAnswersAlike(s, p.right(), p.rightQuery())))));
    }

    @TestFactory
    Stream<DynamicNode> randomBasicGraphPatterns() {
        List<Query> queries = RandomPatterns.draw(oracle, RandomPatterns.SEED, RandomPatterns.COUNT);
        assertEquals(RandomPatterns.COUNT, queries.size());
        return perStore(s -> {
            List<DynamicTest> tests = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                Query q = queries.get(i);
                String name = "bgp-" + i;
                tests.add(DynamicTest.dynamicTest(name, () -> assertAnswersAlike(s, name, q)));
            }
            return tests.stream();
        });
    }

    private static Stream<DynamicNode> perStore(Function<Served, Stream<? extends DynamicNode>> tests) {
        return served.stream().map(s -> DynamicContainer.dynamicContainer(s.name(), tests.apply(s)));
    }

    static void assertAnswersAlike(Served s, String name, Query query) {
        ResultSetRewindable expected = onOracle(query);
        ResultSetRewindable actual = overHttp(s, query);
        assertSame(name + " on " + s.name() + "\n" + query, "oracle (plain in-memory dataset)", expected, s.name() + " over HTTP", actual);
    }

    static void assertSame(String what, String leftName, ResultSetRewindable left, String rightName, ResultSetRewindable right) {
        boolean same = left.size() == right.size() && ResultsCompare.equalsByTerm(left, right);
        if (!same) {
            left.reset();
            right.reset();
            fail(what + ": answers differ (" + left.size() + " rows against " + right.size() + ")\n=== " + leftName + "\n"
                    + ResultSetFormatter.asText(left) + "\n=== " + rightName + "\n" + ResultSetFormatter.asText(right));
        }
    }

    static ResultSetRewindable onOracle(Query query) {
        try (QueryExecution qe = QueryExecution.create(query, DatasetFactory.wrap(oracle))) {
            return ResultSetFactory.copyResults(qe.execSelect());
        }
    }

    static ResultSetRewindable overHttp(Served s, Query query) {
        try (QueryExecution qe = QueryExecutionHTTP.service(s.endpoint()).query(query).build()) {
            return ResultSetFactory.copyResults(qe.execSelect());
        }
    }

    /** A held pair of the manifest. */
    record Pair(String name, String left, String right, String why) {
        Query leftQuery() {
            return QueryFactory.read(ORACLE.resolve(left).toString());
        }

        Query rightQuery() {
            return QueryFactory.read(ORACLE.resolve(right).toString());
        }
    }

    static List<Pair> pairs() {
        try {
            return Files.readAllLines(ORACLE.resolve("manifest.tsv")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(c -> new Pair(c[0], c[1], c[2], c[3]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
