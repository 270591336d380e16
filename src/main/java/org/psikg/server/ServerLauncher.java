package org.psikg.server;

import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.error.InputException;
import org.psikg.rdf.GraphSource;
import org.psikg.search.TextIndex;
import org.psikg.store.TdbStore;

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
            // The search index build --tdb2 wrote beside the store (built in memory if there is none).
            return listen(source.open().dataset(), settings, docs, ReadyGate.opened(), null, TextIndex.besideStore(source.path()));
        }
        DatasetGraph tdb = TdbStore.emptyInMemory();
        ReadyGate gate = new ReadyGate();
        // The future yields nothing: the built graph (corpus, anchors, a second copy of every
        // quad) must not stay reachable from it while the server runs on the TDB2 copy.
        CompletableFuture<Void> loading = CompletableFuture.runAsync(() -> {
            GraphSource.Opened graph = source.open();
            TdbStore.load(tdb, graph.dataset(), graph.prefixes());
        });
        PsikgServer server = listen(tdb, settings, docs, gate, loading, null);
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

    private static PsikgServer listen(DatasetGraph dsg, ServerSettings settings, Path docs, ReadyGate gate,
                                      CompletableFuture<Void> loading, Path textIndex) {
        try {
            return PsikgServer.start(dsg, settings, docs, gate, textIndex);
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
