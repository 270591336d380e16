package org.psikg.cli;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.error.InputException;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.server.PsikgServer;
import org.psikg.server.ReadyGate;
import org.psikg.server.ServerSettings;
import org.psikg.store.TdbStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psikg serve}: the SPARQL endpoint and linked-data front (docs/server.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the graph: SPARQL endpoint, linked data, VoID and dumps, read-only and safe by default.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Input {
        @Option(names = "--seeds", description = "build the graph from this seeds folder, in memory (default: seeds)")
        Path seeds;

        @Option(names = "--tdb2", description = "serve the TDB2 store written by psikg build --tdb2 DIR instead")
        Path tdb2;
    }

    @ArgGroup(exclusive = true)
    Input input = new Input();

    @Option(names = "--ontology", defaultValue = "ontology/psikg.ttl", description = "the ontology, with --seeds (default: ${DEFAULT-VALUE})")
    Path ontology;

    @Option(names = "--port", defaultValue = "3030", description = "the port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "the address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--base-url", description = "the public URL of the server, for links, VoID and the service description (default: from each request)")
    String baseUrl;

    @Option(names = "--timeout", defaultValue = "10", converter = Seconds.class,
            description = "seconds a query may take to its first result (default: ${DEFAULT-VALUE})")
    Duration firstResult;

    @Option(names = "--timeout-total", defaultValue = "30", converter = Seconds.class,
            description = "seconds a query may take in all (default: ${DEFAULT-VALUE})")
    Duration total;

    @Option(names = "--max-rows", defaultValue = "10000",
            description = "the most rows (or triples) a query may return; a larger result is an error (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--max-query-length", defaultValue = "100000",
            description = "the most characters a query may have; a longer one is refused unparsed (default: ${DEFAULT-VALUE})")
    int maxQueryLength;

    @Option(names = "--max-request-bytes", defaultValue = "1048576",
            description = "the most bytes of a request body (413 above) or query string (414 above) (default: ${DEFAULT-VALUE})")
    int maxRequestBytes;

    @Option(names = "--max-concurrent-per-client", defaultValue = "4",
            description = "the most requests one client address may have in progress at once; more get 429 (default: ${DEFAULT-VALUE})")
    int maxConcurrentPerClient;

    @Option(names = "--trusted-proxy",
            description = "the address of the reverse proxy in front: its X-Forwarded-For (last entry) names the client for --max-concurrent-per-client (default: none, the header is not believed)")
    String trustedProxy;

    @Option(names = "--allow-update", description = "accept SPARQL Update at /psikg/update and Graph Store writes at /psikg/data (default: off)")
    boolean allowUpdate;

    @Option(names = "--allow-service", description = "let queries use SERVICE to query other endpoints (default: off)")
    boolean allowService;

    @Option(names = "--cors-origin", defaultValue = "*",
            description = "the origin other web pages may query from (GET and POST only); none: no CORS (default: ${DEFAULT-VALUE})")
    String corsOrigin;

    @Option(names = "--docs", defaultValue = "docs", description = "the documentation folder served at /docs/ (default: ${DEFAULT-VALUE})")
    Path docs;

    /** Seconds, with decimals ({@code 0.5}), as a Duration. */
    static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            double s = Double.parseDouble(value);
            if (!(s > 0)) {
                throw new IllegalArgumentException("must be more than 0 seconds");
            }
            return Duration.ofNanos((long) (s * 1e9));
        }
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        for (var limit : new Object[][] {{"--max-rows", maxRows}, {"--max-query-length", maxQueryLength},
            {"--max-request-bytes", maxRequestBytes}, {"--max-concurrent-per-client", maxConcurrentPerClient}}) {
            if ((int) limit[1] < 1) {
                err.println("psikg: " + limit[0] + " must be at least 1");
                return ExitCodes.BAD_INPUT;
            }
        }
        ServerSettings settings = ServerSettings.builder().host(host).port(port).baseUrl(baseUrl)
                .timeouts(firstResult, total).maxRows(maxRows).allowUpdate(allowUpdate).allowService(allowService)
                .corsOrigin(corsOrigin.toLowerCase(Locale.ROOT).equals("none") ? null : corsOrigin)
                .requestLimits(maxQueryLength, maxRequestBytes, maxConcurrentPerClient).trustedProxy(trustedProxy).build();
        if (input.tdb2 != null) {
            DatasetGraph store;
            try {
                store = TdbStore.open(input.tdb2);
            } catch (InputException e) {
                return Errors.report(spec, e);
            } catch (RuntimeException e) {
                err.println("psikg: cannot open " + input.tdb2 + ": " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            return serve(store, ReadyGate.opened(), settings, input.tdb2.toString(), start, null);
        }
        // Jetty starts on one core while the graph is built and loaded on another; requests
        // that come before the store is loaded wait for it (ReadyGate).
        DatasetGraph tdb = TdbStore.emptyInMemory();
        ReadyGate gate = new ReadyGate();
        Path seeds = input.seeds != null ? input.seeds : Path.of("seeds");
        // The future yields nothing: the built graph (corpus, anchors, a second copy of every
        // quad) must not stay reachable from it while the server runs on the TDB2 copy.
        CompletableFuture<Void> loading = CompletableFuture.runAsync(() -> {
            KnowledgeGraph kg = KnowledgeGraph.build(seeds, ontology);
            TdbStore.load(tdb, kg.dataset(), kg.prefixes());
        });
        return serve(tdb, gate, settings, seeds.toString(), start, loading);
    }

    private int serve(DatasetGraph dsg, ReadyGate gate, ServerSettings settings, String source, long start,
                      CompletableFuture<Void> loading) {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        PsikgServer server;
        try {
            server = PsikgServer.start(dsg, settings, docs, gate);
        } catch (RuntimeException e) {
            gate.fail();
            if (loading != null) {
                loading.cancel(true);
            }
            if (causedBy(e, BindException.class)) {
                err.printf("psikg: cannot listen on %s:%d: %s%n", host, port, rootMessage(e));
                return ExitCodes.BAD_INPUT;
            }
            throw e;
        }
        if (loading != null) {
            try {
                loading.join();
            } catch (CompletionException e) {
                gate.fail();
                server.close();
                if (e.getCause() instanceof InputException ie) {
                    return Errors.report(spec, ie);
                }
                throw e;
            }
        }
        gate.open();
        out.printf("psikg: serving %s at %s/ in %.2f s%n", source, server.url(), (System.nanoTime() - start) / 1e9);
        out.printf("  SPARQL endpoint  %s/psikg/sparql%n", server.url());
        out.printf("  linked data      %s/id/russia, /article/..., /graph/..., /ontology%n", server.url());
        out.printf("  description      %s/.well-known/void, dumps at %s/dumps/%n", server.url(), server.url());
        out.flush();
        server.join();
        return ExitCodes.OK;
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
