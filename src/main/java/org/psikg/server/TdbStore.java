package org.psikg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.rdf.QueryableDataset;

/**
 * The TDB2 datasets the server queries: an in-memory copy of a freshly built graph, or a
 * store on disk written by {@code psikg build --tdb2 DIR}. Either way the default graph is
 * the union of the named graphs (the brief: the endpoint queries their union by default),
 * and the dataset keeps the prefixes it was built with, so that dumps and pages can use them.
 * <pre>
 * DatasetGraph mem = TdbStore.inMemory(kg.dataset(), kg.prefixes());
 * TdbStore.write(Path.of("target/tdb2"), kg.dataset(), kg.prefixes());   // build --tdb2
 * DatasetGraph disk = TdbStore.open(Path.of("target/tdb2"));             // serve --tdb2
 * </pre>
 * A store is written beside its target ({@code .NAME.new}) and swapped in by renames
 * ({@code NAME} to {@code .NAME.old}, {@code .NAME.new} to {@code NAME}); whatever a crash
 * leaves, {@link #open} and the next {@link #write} first put back a complete store, so the
 * directory always holds exactly the old store or the new one.
 */
public final class TdbStore {
    private TdbStore() {
    }

    /** A new in-memory TDB2 dataset holding every quad of {@code source}. */
    public static DatasetGraph inMemory(DatasetGraph source, PrefixMapping prefixes) {
        return QueryableDataset.inMemory(source, prefixes);
    }

    /** A new, empty in-memory TDB2 dataset, to {@link #load} later. */
    public static DatasetGraph emptyInMemory() {
        return QueryableDataset.unionDefault(DatabaseMgr.createDatasetGraph());
    }

    /**
     * Writes {@code source} as a TDB2 store in {@code dir}, replacing what was there only once
     * it is complete; an {@link InputException} at once if another process has the store open.
     */
    public static void write(Path dir, DatasetGraph source, PrefixMapping prefixes) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        checkNotInUse(dir);
        recover(target);
        Path fresh = sibling(target, "new");
        deleteTree(fresh);
        Files.createDirectories(fresh);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(fresh.toString());
        try {
            load(dsg, source, prefixes);
        } finally {
            // Releases the files and the lock, so that the directory can be renamed.
            TDBInternal.expel(dsg);
        }
        Path old = sibling(target, "old");
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** Opens a store written by {@link #write}; an {@link InputException} if there is none, or another process has it open. */
    public static DatasetGraph open(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        checkNotInUse(dir);
        try {
            recover(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.isDirectory(target) || !isStore(target)) {
            throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.IO,
                    "not a TDB2 store").withHint("write one with: psikg build --tdb2 " + dir));
        }
        return QueryableDataset.unionDefault(DatabaseMgr.connectDatasetGraph(target.toString()));
    }

    /** The prefixes a store was written with. */
    public static PrefixMapping prefixes(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> org.apache.jena.riot.system.Prefixes.adapt(
                PrefixMapFactory.create(dsg.prefixes())));
    }

    /** Adds every quad of {@code source}, and its prefixes, in one write transaction. */
    public static void load(DatasetGraph dsg, DatasetGraph source, PrefixMapping prefixes) {
        QueryableDataset.load(dsg, source, prefixes);
    }

    /**
     * TDB2 lets one process at a time open a store, by an OS lock on {@code tdb.lock}. Asked
     * before anything else, so that a second {@code serve} or a {@code build} over a served
     * store stops at once with a message saying so (and a build never swaps the folder from
     * under a running server). A lock this JVM holds is no obstacle.
     */
    public static void checkNotInUse(Path dir) {
        Path lockFile = dir.toAbsolutePath().normalize().resolve("tdb.lock");
        if (!Files.isRegularFile(lockFile)) {
            return;
        }
        ProcessFileLock lock = ProcessFileLock.create(lockFile.toString());
        if (lock.isLockedHere()) {
            return;
        }
        if (lock.tryLock()) {
            lock.unlock();
            ProcessFileLock.release(lock);
            return;
        }
        ProcessFileLock.release(lock);
        String owner;
        try {
            owner = Files.readString(lockFile).strip();
        } catch (IOException e) {
            owner = "";
        }
        throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.IO,
                "TDB2 store in use by another process" + (owner.matches("[0-9]+") ? " (pid " + owner + ")" : "")
                        + "; a store can be open in one process at a time")
                .withHint("stop that process (a psikg serve?) first, or build to another folder and serve that"));
    }

    private static boolean isStore(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("Data-"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Undoes what an interrupted swap left: a complete old store comes back; a half-written new one goes. */
    private static void recover(Path target) throws IOException {
        Path old = sibling(target, "old");
        if (Files.exists(old)) {
            if (Files.exists(target)) {
                deleteTree(old);
            } else {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static Path sibling(Path target, String what) {
        return target.resolveSibling("." + target.getFileName() + "." + what);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
