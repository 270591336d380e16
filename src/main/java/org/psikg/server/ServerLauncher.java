package org.psikg.server;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.error.InputException;
import org.psikg.rdf.GraphSource;
import org.psikg.search.TextIndex;
import org.psikg.store.TdbStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts psikg's server over a {@link GraphSource}, as {@code psikg serve} does. A TDB2 store
 * is served as it is. Seeds or a dataset file are built (or parsed) and loaded into an
 * in-memory TDB2 copy on one core while Jetty starts on another; requests that come before
 * the copy is complete wait for it ({@link ReadyGate}). It returns once the server answers.
 * <pre>
 * PsikgServer server = ServerLauncher.launch(new GraphSource.Seeds(seeds, ontology), settings, Path.of("docs"));
 * server.join();
 * </pre>
 */
public final class ServerLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLauncher.class);
    private ServerLauncher() {
    }

    /** A server could not listen where it was told to (the port taken, the address not this machine's). */
    public static final class CannotListen extends RuntimeException {
        CannotListen(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @throws InputException bad input in the source (the server, if it started, is stopped)
     * @throws CannotListen   the address or port cannot be listened on
     */
    public static PsikgServer launch(GraphSource source, ServerSettings settings, Path docs) {
        if (source instanceof GraphSource.Store) {
            Dumps built = Dumps.read(source.path()).orElse(null);
            if (built == null) {
                LOG.warn("{} holds no dumps of its build (written by an older psikg?): the dumps are written from the store,"
                        + " with TDB2's canonical forms of decimals; psikg build --tdb2 {} writes them", source.path(), source.path());
            }
            // Checked in the background: the digest may mean reading the whole N-Quads dump.
            return listen(source.open().dataset(), settings, docs, ReadyGate.opened(), null,
                    () -> indexOf(source.path(), built), built);
        }
        DatasetGraph tdb = TdbStore.emptyInMemory();
        ReadyGate gate = new ReadyGate();
        // The dumps are written from the built graph, not from its TDB2 copy (see Dumps), once
        // the copy is loaded. The loading future yields nothing, and the dumps future only the
        // dumps: the built graph (corpus, anchors, a second copy of every quad) must not stay
        // reachable while the server runs on the TDB2 copy.
        CompletableFuture<Dumps> dumps = new CompletableFuture<>();
        CompletableFuture<Void> loading = CompletableFuture.runAsync(() -> {
            GraphSource.Opened graph = source.open();
            TdbStore.load(tdb, graph.dataset(), graph.prefixes());
            CompletableFuture.runAsync(() -> {
                try {
                    dumps.complete(Dumps.of(graph.dataset(), graph.prefixes()));
                } catch (RuntimeException e) {
                    dumps.completeExceptionally(e);
                }
            });
        });
        PsikgServer server = listen(tdb, settings, docs, gate, loading, () -> null, Dumps.later(dumps::join));
        try {
            loading.join();
        } catch (CompletionException e) {
            gate.fail();
            server.close();
            if (e.getCause() instanceof InputException ie) {
                throw ie;
            }
            throw e;
        }
        gate.open();
        return server;
    }

    /**
     * The search index build --tdb2 wrote beside the store, if it was written with this
     * store (it records the digest of the store's dumps); else null, and the index is built
     * in memory from the store, with a warning: a folder left by another build (a copied or
     * restored store, a build killed between the two) must not answer for this store.
     */
    static Path indexOf(Path store, Dumps built) {
        Path index = TextIndex.besideStore(store);
        if (!Files.exists(index)) {
            return null;
        }
        Optional<String> writtenFor = TextIndex.writtenFor(index);
        if (built != null && writtenFor.equals(Optional.of(built.digest()))) {
            return index;
        }
        LOG.warn("{} is not the search index of {} ({}): searching with an index built in memory from the store;"
                + " psikg build --tdb2 {} writes both again", index, store,
                writtenFor.isEmpty() ? "not a psikg index, or written by an older psikg" : "written for another build of the store",
                store);
        return null;
    }

    private static PsikgServer listen(DatasetGraph dsg, ServerSettings settings, Path docs, ReadyGate gate,
                                      CompletableFuture<Void> loading, Supplier<Path> textIndex, Dumps dumps) {
        try {
            return PsikgServer.start(dsg, settings, docs, gate, textIndex, dumps);
        } catch (RuntimeException e) {
            gate.fail();
            if (loading != null) {
                loading.cancel(true);
            }
            if (causedBy(e, BindException.class)) {
                throw new CannotListen("cannot listen on %s:%d: %s".formatted(settings.host(), settings.port(), rootMessage(e)), e);
            }
            throw e;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
