package org.psikg.server;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.psikg.search.TextIndex;
import org.psikg.server.html.FrontPage;
import org.psikg.store.TdbStore;

/**
 * What the server serves: the TDB2 dataset (default graph = union of the named graphs), the
 * prefixes it was built with, and its dumps. The prefixes are read from the store on first
 * use, so that the server can start while the store is still being loaded (see {@link ReadyGate}).
 * <pre>
 * ServedData data = new ServedData(TdbStore.open(dir), settings, () -> TextIndex.besideStore(dir), Dumps.read(dir).orElse(null));
 * </pre>
 */
public final class ServedData {
    private final DatasetGraph dataset;
    private final Dumps dumps;
    private volatile PrefixMapping prefixes;
    private final Supplier<Path> textIndex;
    private volatile TextIndex index;
    private final boolean readOnly;
    private FrontPage.Facts front;

    public ServedData(DatasetGraph tdb, ServerSettings settings) {
        this(tdb, settings, () -> null, null);
    }

    /**
     * {@code textIndex}: gives the folder of the index {@code build --tdb2} wrote beside the
     * store, or null to build one in memory; asked on first use of the index, in the
     * background once the store is open (it may read the whole N-Quads dump for its digest). {@code built}: the dumps of the graph as built
     * ({@link Dumps#of}), or null to have them written from the store on first request
     * (TDB2's canonical forms of decimals: see {@link Dumps}). With updates allowed the data
     * may change, so the dumps are written from the store afresh each time, whatever
     * {@code built} is.
     */
    public ServedData(DatasetGraph tdb, ServerSettings settings, Supplier<Path> textIndex, Dumps built) {
        this.dataset = tdb;
        this.textIndex = textIndex;
        this.readOnly = !settings.allowUpdate();
        if (settings.allowUpdate()) {
            this.dumps = Dumps.fromStore(tdb, this::prefixes);
        } else if (built != null) {
            this.dumps = built;
        } else {
            this.dumps = Dumps.later(() -> Txn.calculateRead(tdb, () -> Dumps.of(tdb, prefixes())));
        }
    }

    public DatasetGraph dataset() {
        return dataset;
    }

    public PrefixMapping prefixes() {
        PrefixMapping p = prefixes;
        if (p == null) {
            p = TdbStore.prefixes(dataset);
            p.lock();
            prefixes = p;
        }
        return p;
    }

    /**
     * The full-text index: opened from the folder given, or built in memory from the
     * dataset, on first use (the store may still be loading when the server starts).
     */
    public TextIndex textIndex() {
        TextIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    try {
                        Path folder = textIndex.get();
                        i = folder != null && java.nio.file.Files.isDirectory(folder) ? TextIndex.open(folder)
                                : TextIndex.build(dataset);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    index = i;
                }
            }
        }
        return i;
    }

    public Dumps dumps() {
        return dumps;
    }

    /**
     * What the front page shows of the data: read once and kept when the data cannot change
     * (reading it counts every statement of the store: seconds and a set of every statement
     * at 10^3 articles), else read at each call. Callers hold a read transaction.
     */
    public FrontPage.Facts frontFacts() {
        if (!readOnly) {
            return FrontPage.facts(dataset);
        }
        synchronized (this) {
            if (front == null) {
                front = FrontPage.facts(dataset);
            }
            return front;
        }
    }
}
