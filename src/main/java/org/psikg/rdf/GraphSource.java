package org.psikg.rdf;

import java.nio.file.Path;
import org.apache.jena.query.TxnType;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.corpus.Corpus;
import org.psikg.error.InputException;
import org.psikg.store.TdbStore;
import org.psikg.vocab.Prefixes;

/**
 * Where the graph of {@code validate}, {@code publish} and {@code serve} comes from: seeds
 * built with an ontology, a dataset file (TriG, N-Quads...), or a TDB2 store written by
 * {@code build --tdb2}. Opening it builds, parses or opens the graph, with an
 * {@link InputException} for bad input.
 * <pre>
 * try (GraphSource.Opened g = new GraphSource.Store(Path.of("target/tdb2")).open()) {
 *     Report r = g.read(() -> validator.validate(g.dataset()));
 * }
 * </pre>
 */
public sealed interface GraphSource {
    /** The folder or file it reads, as given: for messages. */
    Path path();

    Opened open();

    /** The graph of a corpus, built in memory (every quote anchored, as {@code build} does). */
    record Seeds(Path path, Path ontology) implements GraphSource {
        @Override
        public Opened open() {
            KnowledgeGraph kg = KnowledgeGraph.build(path, ontology);
            return new Opened(kg.dataset(), kg.prefixes(), false, kg.corpus());
        }
    }

    /** A dataset file, parsed in memory, with psikg's common prefixes. */
    record DataFile(Path path) implements GraphSource {
        @Override
        public Opened open() {
            return new Opened(RdfFiles.dataset(path), Prefixes.common(), false);
        }
    }

    /** A TDB2 store on disk, opened as it is (default graph: the union of the named graphs), with the prefixes it was written with. */
    record Store(Path path) implements GraphSource {
        @Override
        public Opened open() {
            DatasetGraph dsg = TdbStore.open(path);
            return new Opened(dsg, TdbStore.prefixes(dsg), true);
        }
    }

    /** Work on an opened graph, which may throw what it declares. */
    @FunctionalInterface
    interface Reading<T, E extends Exception> {
        T get() throws E;
    }

    /**
     * An opened graph, with the corpus it was built from when it comes from seeds (reports
     * map the graph's recorded source names to that corpus's files). A store is read in a transaction ({@link #read}) and released on
     * {@link #close}, so that the same process can write it again afterwards.
     */
    record Opened(DatasetGraph dataset, PrefixMapping prefixes, boolean stored, Corpus corpus) implements AutoCloseable {
        /** A graph that was not built from a corpus here ({@link #corpus} is {@code null}). */
        public Opened(DatasetGraph dataset, PrefixMapping prefixes, boolean stored) {
            this(dataset, prefixes, stored, null);
        }

        /** What {@code work} gives, read in one read transaction if the graph is a store. */
        public <T, E extends Exception> T read(Reading<T, E> work) throws E {
            if (!stored) {
                return work.get();
            }
            dataset.begin(TxnType.READ);
            try {
                return work.get();
            } finally {
                dataset.end();
            }
        }

        @Override
        public void close() {
            if (stored) {
                TdbStore.release(dataset);
            }
        }
    }
}
