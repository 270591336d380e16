package org.psikg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.error.InputException;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;
import org.psikg.support.Rdf;

/** The TDB2 stores of psikg build --tdb2 and psikg serve --tdb2: same quads, prefixes, union default graph, swap. */
class TdbStoreTest {
    private static final String TRIPLES_IN_DEFAULT_GRAPH = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    private static KnowledgeGraph graph;

    @TempDir
    Path tmp;

    private static synchronized KnowledgeGraph graph() {
        if (graph == null) {
            graph = KnowledgeGraph.build(Fixture.BASE.resolve("seeds"), Fixture.BASE.resolve("ontology.ttl"));
        }
        return graph;
    }

    /** The distinct triples of all the named graphs together: what the default graph must hold. */
    private static long unionSize(DatasetGraph dsg) {
        return dsg.stream().map(Quad::asTriple).distinct().count();
    }

    private static long defaultGraphSize(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> Long.parseLong(QueryExec.dataset(dsg).query(TRIPLES_IN_DEFAULT_GRAPH).select()
                .next().get("n").getLiteralLexicalForm()));
    }

    @Test
    void theDefaultGraphIsTheUnionInMemoryAndOnDisk() throws IOException {
        KnowledgeGraph kg = graph();
        long union = unionSize(kg.dataset());
        assertTrue(union > 0);
        assertEquals(0, defaultGraphSize(kg.dataset()), "the built dataset keeps nothing in its own default graph");
        assertEquals(union, defaultGraphSize(TdbStore.inMemory(kg.dataset(), kg.prefixes())), "in memory");
        Path dir = tmp.resolve("store");
        TdbStore.write(dir, kg.dataset(), kg.prefixes());
        DatasetGraph disk = TdbStore.open(dir);
        try {
            assertEquals(union, defaultGraphSize(disk), "on disk");
        } finally {
            TDBInternal.expel(disk);
        }
    }

    @Test
    void writeThenOpenGivesTheSameDataset() throws IOException {
        KnowledgeGraph kg = graph();
        Path dir = tmp.resolve("store");
        TdbStore.write(dir, kg.dataset(), kg.prefixes());
        DatasetGraph tdb = TdbStore.open(dir);
        try {
            Txn.executeRead(tdb, () -> {
                DatasetGraph copy = DatasetGraphFactory.create();
                tdb.find().forEachRemaining(copy::add);
                Rdf.assertIsomorphic(kg.dataset(), copy, "the store");
            });
            assertEquals(kg.prefixes().getNsPrefixMap(), TdbStore.prefixes(tdb).getNsPrefixMap());
        } finally {
            TDBInternal.expel(tdb);
        }
    }

    @Test
    void buildCommandWritesAStoreAndReplacesItWhole() throws IOException {
        Path dir = tmp.resolve("tdb2");
        String[] args = {"build", "--seeds", Fixture.BASE.resolve("seeds").toString(), "--ontology",
            Fixture.BASE.resolve("ontology.ttl").toString(), "--out", tmp.resolve("out/psikg.trig").toString(),
            "--tdb2", dir.toString()};
        Cli.Result first = Cli.run(args);
        assertEquals(0, first.exit(), first.both());
        assertTrue(first.out().contains("wrote the TDB2 store"), first.out());
        Cli.Result second = Cli.run(args);
        assertEquals(0, second.exit(), second.both());
        assertFalse(Files.exists(tmp.resolve(".tdb2.new")), "no half-written store left");
        assertFalse(Files.exists(tmp.resolve(".tdb2.old")), "no old store left");
        DatasetGraph tdb = TdbStore.open(dir);
        try {
            assertEquals(graph().dataset().stream().count(), (long) Txn.calculateRead(tdb, () -> tdb.stream().count()));
        } finally {
            TDBInternal.expel(tdb);
        }
    }

    @Test
    void anInterruptedSwapLeavesTheOldStore() throws IOException {
        KnowledgeGraph kg = graph();
        Path dir = tmp.resolve("store");
        TdbStore.write(dir, kg.dataset(), kg.prefixes());
        // As if killed between the two renames: the old store moved aside, the new one half-written.
        Files.move(dir, tmp.resolve(".store.old"));
        Files.createDirectories(tmp.resolve(".store.new/Data-0001"));
        Files.writeString(tmp.resolve(".store.new/Data-0001/junk"), "half");
        DatasetGraph tdb = TdbStore.open(dir);
        try {
            assertEquals(kg.dataset().stream().count(), (long) Txn.calculateRead(tdb, () -> tdb.stream().count()));
        } finally {
            TDBInternal.expel(tdb);
        }
        TdbStore.write(dir, kg.dataset(), kg.prefixes());
        assertFalse(Files.exists(tmp.resolve(".store.new")));
    }

    @Test
    void aLoadThatFailsMidWayLeavesTheOldStore() throws IOException {
        KnowledgeGraph kg = graph();
        Path dir = tmp.resolve("store");
        TdbStore.write(dir, kg.dataset(), kg.prefixes());
        // A source that breaks after ten quads, as a disk that fills up would.
        DatasetGraph breaking = new DatasetGraphWrapper(kg.dataset()) {
            @Override
            public Iterator<Quad> find() {
                Iterator<Quad> all = super.find();
                return new Iterator<>() {
                    private int n;

                    @Override
                    public boolean hasNext() {
                        return all.hasNext();
                    }

                    @Override
                    public Quad next() {
                        if (++n > 10) {
                            throw new IllegalStateException("broken mid-way");
                        }
                        return all.next();
                    }
                };
            }
        };
        assertThrows(IllegalStateException.class, () -> TdbStore.write(dir, breaking, kg.prefixes(), Map.of("dumps/x.gz", new byte[] {1})));
        assertFalse(Files.exists(tmp.resolve(".store.new")), "the half-written store is gone");
        assertFalse(Files.exists(dir.resolve("dumps")), "its files never reached the old store");
        DatasetGraph tdb = TdbStore.open(dir);
        try {
            assertEquals(kg.dataset().stream().count(), (long) Txn.calculateRead(tdb, () -> tdb.stream().count()));
        } finally {
            TDBInternal.expel(tdb);
        }
    }

    @Test
    void notAStore() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        InputException e = assertThrows(InputException.class, () -> TdbStore.open(tmp.resolve("empty")));
        assertTrue(e.errors().get(0).format().contains("not a TDB2 store"), e.errors().get(0).format());
        assertThrows(InputException.class, () -> TdbStore.open(tmp.resolve("missing")));
    }

    @Test
    void aDamagedStoreIsBadInputNamingTheFolder() throws IOException {
        Path generation = Files.createDirectories(tmp.resolve("damaged/Data-0001"));
        // Index files whose size is no multiple of TDB2's block size, as a copy cut short leaves them.
        Files.write(generation.resolve("SPO.bpt"), new byte[5000]);
        Files.write(generation.resolve("SPO.dat"), new byte[5000]);
        InputException e = assertThrows(InputException.class, () -> TdbStore.open(tmp.resolve("damaged")));
        String message = e.errors().get(0).format();
        assertTrue(message.startsWith(tmp.resolve("damaged") + ": error: cannot open the TDB2 store: "), message);
        assertTrue(message.endsWith("[io]\n  hint: write it again with: psikg build --tdb2 " + tmp.resolve("damaged")), message);
    }
}
