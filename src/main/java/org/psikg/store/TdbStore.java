package org.psikg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.store.internal.StoreFolder;
import org.psikg.store.internal.StoreLock;

/**
 * The TDB2 datasets psikg queries and serves: an in-memory copy of a freshly built graph, or
 * a store on disk written by {@code psikg build --tdb2 DIR}. Either way the default graph is
 * the union of the named graphs (the brief: the endpoint queries their union by default;
 * TDB2 honours that setting, Jena's plain in-memory datasets do not), and the dataset keeps
 * the prefixes it was built with, so that dumps and pages can use them.
 * <pre>
 * DatasetGraph mem = TdbStore.inMemory(kg.dataset(), kg.prefixes());
 * TdbStore.write(Path.of("target/tdb2"), kg.dataset(), kg.prefixes());   // build --tdb2
 * DatasetGraph disk = TdbStore.open(Path.of("target/tdb2"));             // serve --tdb2
 * </pre>
 * A store is written beside its target and swapped in by renames; whatever a crash leaves,
 * {@link #open} and the next {@link #write} first put back a complete store, so the directory
 * always holds exactly the old store or the new one.
 */
public final class TdbStore {
    private TdbStore() {
    }

    /** A new in-memory TDB2 dataset holding every quad and prefix of {@code source}. */
    public static DatasetGraph inMemory(DatasetGraph source, PrefixMapping prefixes) {
        DatasetGraph dsg = emptyInMemory();
        load(dsg, source, prefixes);
        return dsg;
    }

    /** A new, empty in-memory TDB2 dataset, to {@link #load} later. */
    public static DatasetGraph emptyInMemory() {
        return unionDefault(DatabaseMgr.createDatasetGraph());
    }

    /**
     * Writes {@code source} as a TDB2 store in {@code dir}, replacing what was there only once
     * it is complete; an {@link InputException} at once if another process has the store open.
     */
    public static void write(Path dir, DatasetGraph source, PrefixMapping prefixes) throws IOException {
        write(dir, source, prefixes, Map.of());
    }

    /**
     * As {@link #write(Path, DatasetGraph, PrefixMapping)}, with {@code files} (by path
     * relative to the folder, such as {@code dumps/psikg.trig.gz}) written into the new
     * store's folder before it is swapped in, so that they always belong to the store beside them.
     */
    public static void write(Path dir, DatasetGraph source, PrefixMapping prefixes, Map<String, byte[]> files) throws IOException {
        try (Replacement r = prepare(dir, source, prefixes, files)) {
            r.commit();
        }
    }

    /**
     * A {@code bad-output} or {@code io} {@link InputException} if {@link #write} to {@code dir}
     * would be refused: the store is in use, or {@code dir} is a file, a link, or a folder
     * holding anything that is not a store psikg wrote (replacing it would delete what psikg
     * did not create). Asked before a build begins, so that it stops before any work.
     */
    public static void checkWritable(Path dir, Set<String> files) throws IOException {
        checkNotInUse(dir);
        new StoreFolder(dir, files).checkReplaceable();
    }

    /**
     * Writes the new store beside {@code dir} and leaves the old one in place until
     * {@link Replacement#commit}; closing a replacement that was not committed deletes the new
     * one. Between the two the caller writes whatever must succeed with the store (the dumps).
     * <pre>
     * try (TdbStore.Replacement r = TdbStore.prepare(dir, dsg, prefixes, Map.of())) {
     *     writeTheDumps();    // throws: the old store stays, the new one goes
     *     r.commit();
     * }
     * </pre>
     */
    public static Replacement prepare(Path dir, DatasetGraph source, PrefixMapping prefixes, Map<String, byte[]> files) throws IOException {
        return prepare(dir, prefixes, sink -> source.find().forEachRemaining(sink::quad), files.keySet(), fresh -> {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = fresh.resolve(f.getKey()).normalize();
                if (!target.startsWith(fresh)) {
                    throw new IllegalArgumentException("not inside the store's folder: " + f.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
        });
    }

    /** Sends quads to a store being loaded. */
    @FunctionalInterface
    public interface Quads {
        void sendTo(StreamRDF sink) throws IOException;
    }

    /** Writes files into the new store's folder (the dumps), by the paths it was prepared with. */
    @FunctionalInterface
    public interface FolderFiles {
        void writeInto(Path folder) throws IOException;
    }

    /**
     * As {@link #prepare(Path, DatasetGraph, PrefixMapping, Map)} for a dataset not held in
     * memory: {@code quads} sends every quad through TDB2's bulk loader (the phased one: a few
     * threads, for a machine of few cores) into the new store, then {@code files} writes the
     * files named by {@code paths} into its folder.
     * <pre>
     * try (TdbStore.Replacement r = TdbStore.prepare(dir, prefixes, build::stream, Dumps.savedPaths(), f -> Dumps.save(build, f))) {
     *     r.commit();
     * }
     * </pre>
     */
    public static Replacement prepare(Path dir, PrefixMapping prefixes, Quads quads, Set<String> paths, FolderFiles files)
            throws IOException {
        checkWritable(dir, paths);
        StoreFolder folder = new StoreFolder(dir, paths);
        folder.recover();
        Path fresh = folder.fresh();
        Replacement replacement = new Replacement(folder);
        try {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(fresh.toString());
            try {
                bulkLoad(dsg, quads, prefixes);
            } finally {
                // Releases the files and the lock, so that the directory can be renamed.
                TDBInternal.expel(dsg);
            }
            files.writeInto(fresh);
        } catch (IOException | RuntimeException e) {
            replacement.close();
            throw e;
        }
        return replacement;
    }

    private static void bulkLoad(DatasetGraph dsg, Quads quads, PrefixMapping prefixes) throws IOException {
        DataLoader loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> { });
        loader.startBulk();
        try {
            quads.sendTo(loader.stream());
        } catch (IOException | RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        loader.finishBulk();
        PrefixMap pm = dsg.prefixes();
        Txn.executeWrite(dsg, () -> prefixes.getNsPrefixMap().forEach(pm::add));
    }

    /** A new store written beside its target by {@link #prepare}, swapped in by {@link #commit} or deleted by {@link #close}. */
    public static final class Replacement implements AutoCloseable {
        private final StoreFolder folder;
        private boolean done;

        private Replacement(StoreFolder folder) {
            this.folder = folder;
        }

        /** Puts the new store in the old one's place. */
        public void commit() throws IOException {
            folder.swap();
            done = true;
        }

        /** Deletes the new store unless it was committed; the old one stays as it was. */
        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                folder.discard();
            }
        }
    }

    /** Opens a store written by {@link #write}; an {@link InputException} if there is none, or another process has it open. */
    public static DatasetGraph open(Path dir) {
        checkNotInUse(dir);
        StoreFolder folder = new StoreFolder(dir);
        try {
            folder.recover();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!folder.holdsStore()) {
            throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.IO,
                    "not a TDB2 store").withHint("write one with: psikg build --tdb2 " + dir));
        }
        try {
            return unionDefault(DatabaseMgr.connectDatasetGraph(folder.target().toString()));
        } catch (RuntimeException e) {
            // A damaged or foreign store: TDB2 says what it found unreadable.
            throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.IO,
                    "cannot open the TDB2 store: " + e.getMessage()).withHint("write it again with: psikg build --tdb2 " + dir));
        }
    }

    /** Closes a store that {@link #open} opened and lets go of its files and lock, so that this process may write it again. */
    public static void release(DatasetGraph store) {
        TDBInternal.expel(store);
    }

    /** The prefixes a store was written with. */
    public static PrefixMapping prefixes(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> org.apache.jena.riot.system.Prefixes.adapt(
                PrefixMapFactory.create(dsg.prefixes())));
    }

    /** Adds every quad of {@code source}, and its prefixes, to {@code target} in one write transaction. */
    public static void load(DatasetGraph target, DatasetGraph source, PrefixMapping prefixes) {
        PrefixMap pm = target.prefixes();
        Txn.executeWrite(target, () -> {
            source.find().forEachRemaining(target::add);
            prefixes.getNsPrefixMap().forEach(pm::add);
        });
    }

    /**
     * An {@link InputException} if another process has the store in {@code dir} open (TDB2
     * allows one at a time); asked first, so that a build over a served store stops at once.
     */
    public static void checkNotInUse(Path dir) {
        StoreLock.checkNotInUse(dir);
    }

    private static DatasetGraph unionDefault(DatasetGraph dsg) {
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dsg;
    }
}
