package org.psikg.server;

import java.nio.file.Path;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.search.TextIndex;
import org.psikg.store.TdbStore;

/**
 * What the server serves: the TDB2 dataset (default graph = union of the named graphs), the
 * prefixes it was built with, and its dumps. The prefixes are read from the store on first
 * use, so that the server can start while the store is still being loaded (see {@link ReadyGate}).
 * <pre>
 * ServedData data = new ServedData(TdbStore.open(dir), settings);
 * </pre>
 */
public final class ServedData {
    private final DatasetGraph dataset;
    private final Dumps dumps;
    private volatile PrefixMapping prefixes;
    private final Path textIndex;
    private volatile TextIndex index;

    public ServedData(DatasetGraph tdb, ServerSettings settings) {
        this(tdb, settings, null);
    }

    /** {@code textIndex}: the folder of the index {@code build --tdb2} wrote beside the store, or null to build one in memory. */
    public ServedData(DatasetGraph tdb, ServerSettings settings, Path textIndex) {
        this.dataset = tdb;
        this.textIndex = textIndex;
        // With updates allowed the data may change, so the dumps are written afresh each time.
        this.dumps = new Dumps(tdb, this::prefixes, !settings.allowUpdate());
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
                        i = textIndex != null && java.nio.file.Files.isDirectory(textIndex) ? TextIndex.open(textIndex)
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
}
