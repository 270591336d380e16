package org.psikg.rdf;

import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The dataset queries run on: an in-memory TDB2 copy of the graph whose default graph is the
 * union of the named graphs, as the brief wants (TDB2 honours the union default graph; the
 * plain in-memory datasets do not), keeping the prefixes.
 * <pre>
 * DatasetGraph dsg = QueryableDataset.inMemory(kg.dataset(), kg.prefixes());
 * </pre>
 */
public final class QueryableDataset {
    private QueryableDataset() {
    }

    public static DatasetGraph inMemory(DatasetGraph source, PrefixMapping prefixes) {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        load(dsg, source, prefixes);
        return unionDefault(dsg);
    }

    /** Copies every quad and prefix of {@code source} into {@code target}, in one write transaction. */
    public static void load(DatasetGraph target, DatasetGraph source, PrefixMapping prefixes) {
        PrefixMap pm = target.prefixes();
        Txn.executeWrite(target, () -> {
            source.find().forEachRemaining(target::add);
            prefixes.getNsPrefixMap().forEach(pm::add);
        });
    }

    /** Makes the default graph of a TDB2 dataset the union of its named graphs. */
    public static DatasetGraph unionDefault(DatasetGraph dsg) {
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dsg;
    }
}
