package org.psikg.server;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
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

    public ServedData(DatasetGraph tdb, ServerSettings settings) {
        this.dataset = tdb;
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

    public Dumps dumps() {
        return dumps;
    }
}
