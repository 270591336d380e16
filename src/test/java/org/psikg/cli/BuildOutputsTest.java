package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.store.TdbStore;
import org.psikg.support.Cli;
import org.psikg.support.Fixture;

/**
 * Output paths of build and validate that would do harm: a folder for a file, a path under a
 * file, the N-Quads file named as the TriG, a --tdb2 folder psikg did not write. Each is
 * refused with exit 2 before anything is written, and a store is replaced only once the new
 * one and the dumps are complete.
 */
class BuildOutputsTest {
    @TempDir
    Path tmp;

    private static Cli.Result build(Path out, Path tdb2) {
        List<String> args = new ArrayList<>(List.of("build", "--seeds", Fixture.BASE.resolve("seeds").toString(), "--ontology",
                Fixture.BASE.resolve("ontology.ttl").toString(), "--out", out.toString()));
        if (tdb2 != null) {
            args.addAll(List.of("--tdb2", tdb2.toString()));
        }
        return Cli.run(args.toArray(String[]::new));
    }

    private static void assertRefused(Cli.Result r, String path, String message) {
        assertEquals(2, r.exit(), r.both());
        assertTrue(r.err().startsWith(path + ": error: " + message), r.both());
        assertTrue(r.err().contains("[bad-output]\n  hint: "), r.both());
    }

    /** The names in {@code dir} and beside it, to show that nothing appeared. */
    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aFolderThatIsNoStoreIsRefusedAndKept() throws IOException {
        // --tdb2 target for --tdb2 target/tdb2: the folder holds the jar.
        Path target = Files.createDirectories(tmp.resolve("target"));
        Files.writeString(target.resolve("psikg.jar"), "the jar");
        Files.createDirectories(target.resolve("classes"));
        List<String> before = listing(tmp);
        Cli.Result r = build(tmp.resolve("out/psikg.trig"), target);
        assertRefused(r, target.toString(), "the folder is not empty and not a TDB2 store written by psikg (it holds classes)");
        assertTrue(r.err().contains("such as " + target.resolve("tdb2")), r.err());
        assertEquals(before, listing(tmp), "nothing written, moved or deleted");
        assertEquals("the jar", Files.readString(target.resolve("psikg.jar")));
    }

    @Test
    void aFileIsRefusedAndKept() throws IOException {
        Path file = Files.writeString(tmp.resolve("tdb2"), "not a folder");
        List<String> before = listing(tmp);
        assertRefused(build(tmp.resolve("out/psikg.trig"), file), file.toString(), "--tdb2 names a file, not a folder");
        assertEquals(before, listing(tmp));
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void aSymbolicLinkIsRefused() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertRefused(build(tmp.resolve("out/psikg.trig"), link), link.toString(), "--tdb2 names a symbolic link");
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aStoreWithAForeignFileIsRefused() throws IOException {
        Path store = tmp.resolve("tdb2");
        assertEquals(0, build(tmp.resolve("out/psikg.trig"), store).exit());
        Files.writeString(store.resolve("dumps/notes.txt"), "mine");
        Files.writeString(store.resolve("README"), "mine too");
        assertRefused(build(tmp.resolve("out/psikg.trig"), store), store.toString(),
                "the folder is not empty and not a TDB2 store written by psikg (it holds README)");
        Files.delete(store.resolve("README"));
        assertRefused(build(tmp.resolve("out/psikg.trig"), store), store.toString(),
                "the folder is not empty and not a TDB2 store written by psikg (it holds dumps)");
        assertEquals("mine", Files.readString(store.resolve("dumps/notes.txt")));
    }

    @Test
    void aWorkingFolderHoldingForeignFilesIsRefused() throws IOException {
        Path work = Files.createDirectories(tmp.resolve(".tdb2.new"));
        Files.writeString(work.resolve("thesis.tex"), "mine");
        assertRefused(build(tmp.resolve("out/psikg.trig"), tmp.resolve("tdb2")), work.toString(),
                "psikg's working folder for the store holds thesis.tex");
        assertTrue(Files.exists(work.resolve("thesis.tex")));
    }

    @Test
    void anExistingStoreIsReplacedWhole() throws IOException {
        Path store = tmp.resolve("tdb2");
        TdbStore.write(store, oneQuad(), PrefixMapping.Factory.create());
        Cli.Result r = build(tmp.resolve("out/psikg.trig"), store);
        assertEquals(0, r.exit(), r.both());
        assertTrue(Files.isRegularFile(store.resolve("dumps/psikg.trig.gz")));
        assertFalse(Files.exists(tmp.resolve(".tdb2.new")));
        assertFalse(Files.exists(tmp.resolve(".tdb2.old")));
        DatasetGraph tdb = TdbStore.open(store);
        try {
            long quads = Txn.calculateRead(tdb, () -> tdb.stream().count());
            assertTrue(quads > 1, "the build's graph replaced the one-quad store: " + quads);
            assertFalse(Txn.calculateRead(tdb, () -> tdb.contains(oneQuad().find().next())), "the old quad is gone");
        } finally {
            TdbStore.release(tdb);
        }
    }

    @Test
    void aFailureMidWayLeavesTheOldStoreAndNoHalfWrittenFiles() throws IOException {
        Path store = tmp.resolve("tdb2");
        TdbStore.write(store, oneQuad(), PrefixMapping.Factory.create());
        List<String> before = listing(tmp);
        // The store is written, then the TriG cannot be: the kernel refuses files in /proc.
        Cli.Result r = build(Path.of("/proc/psikg-build-outputs-test.trig"), store);
        assertNotEquals(0, r.exit(), r.both());
        assertEquals(before, listing(tmp), "the old store as it was, no new store or dumps beside it");
        DatasetGraph tdb = TdbStore.open(store);
        try {
            assertEquals(1L, Txn.calculateRead(tdb, () -> tdb.stream().count()));
        } finally {
            TdbStore.release(tdb);
        }
    }

    @Test
    void anOutThatIsAFolderOrUnderAFileIsRefused() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("out"));
        assertRefused(build(folder, null), folder.toString(), "is a folder, not a file");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertRefused(build(file.resolve("psikg.trig"), null), file.resolve("psikg.trig").toString(),
                "cannot be written: " + file.toAbsolutePath() + " is a file, not a folder");
        assertEquals(List.of("", "file", "out"), listing(tmp));
    }

    @Test
    void anOutNamingTheNQuadsFileIsRefused() throws IOException {
        Path nq = tmp.resolve("psikg.nq");
        Cli.Result r = build(nq, null);
        assertRefused(r, nq.toString(), "--out names the N-Quads file");
        assertTrue(r.err().contains("--nquads-only"), r.err());
        assertFalse(Files.exists(nq));
        Cli.Result only = Cli.run("build", "--seeds", Fixture.BASE.resolve("seeds").toString(), "--ontology",
                Fixture.BASE.resolve("ontology.ttl").toString(), "--out", nq.toString(), "--nquads-only");
        assertEquals(0, only.exit(), only.both());
        assertTrue(Files.size(nq) > 0);
    }

    @Test
    void validateOutputThatIsAFolderIsRefused() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("report"));
        Cli.Result r = Cli.run("validate", "--seeds", Fixture.BASE.resolve("seeds").toString(), "--ontology",
                Fixture.BASE.resolve("ontology.ttl").toString(), "--output", folder.toString());
        assertRefused(r, folder.toString(), "is a folder, not a file");
        assertEquals(List.of("", "report"), listing(tmp));
    }

    @Test
    void leftOversOfAKilledBuildGoAndOutputsFollowTheUmask() throws IOException {
        Path out = tmp.resolve("psikg.trig");
        // A pid above the kernel's pid_max (4,194,304 at most) runs nowhere: its writer was killed.
        Path dead = Files.writeString(tmp.resolve(".psikg.trig.99999999.0123456789abcdef.tmp"), "half");
        Path alive = Files.writeString(tmp.resolve(".psikg.trig." + ProcessHandle.current().pid() + ".0123456789abcdef.tmp"), "busy");
        Path other = Files.writeString(tmp.resolve(".psikg.trig.notes.tmp"), "not psikg's");
        assertEquals(0, build(out, null).exit());
        assertFalse(Files.exists(dead), "a dead writer's temporary file is deleted");
        assertTrue(Files.exists(alive), "a running writer's is not");
        assertTrue(Files.exists(other), "nor a file that only looks like one");
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("plain")));
        assertEquals(plain, Files.getPosixFilePermissions(out), "the TriG has the mode any new file gets (the umask's)");
        assertEquals(plain, Files.getPosixFilePermissions(tmp.resolve("psikg.nq")));
    }

    private static DatasetGraph oneQuad() {
        DatasetGraph dsg = DatasetGraphFactory.create();
        dsg.add(Quad.create(NodeFactory.createURI("urn:g"), NodeFactory.createURI("urn:s"), NodeFactory.createURI("urn:p"),
                NodeFactory.createLiteralString("old")));
        return dsg;
    }
}
