package org.psikg.server;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.psikg.search.TextIndex;
import org.psikg.store.TdbStore;

/**
 * psikg's server: embedded Fuseki (jena-fuseki-main) with no admin module and no /$/ paths,
 * serving one TDB2 dataset at /psikg (query at /psikg/sparql, Graph Store read at
 * /psikg/data), with the linked-data front, the VoID, the dumps, the docs and the UI hook
 * around it. Every safety setting is in {@link ServerSettings}; docs/server.md lists them.
 * <pre>
 * try (PsikgServer server = PsikgServer.start(TdbStore.inMemory(kg.dataset(), kg.prefixes()),
 *         ServerSettings.builder().port(0).build(), Path.of("docs"))) {
 *     System.out.println(server.url() + "/psikg/sparql");
 * }
 * </pre>
 */
public final class PsikgServer implements AutoCloseable {
    private final FusekiServer fuseki;
    private final String host;
    private final QueryService queries;
    private final ResultCache cache;

    private PsikgServer(FusekiServer fuseki, String host, QueryService queries, ResultCache cache) {
        this.fuseki = fuseki;
        this.host = host;
        this.queries = queries;
        this.cache = cache;
    }

    /** Starts serving {@code tdb} (a loaded dataset of {@link TdbStore}); {@code docs} may be null. */
    public static PsikgServer start(DatasetGraph tdb, ServerSettings settings, Path docs) {
        return start(tdb, settings, docs, ReadyGate.opened());
    }

    /** Starts listening at once; requests wait until {@code gate} opens (the store is loaded). */
    public static PsikgServer start(DatasetGraph tdb, ServerSettings settings, Path docs, ReadyGate gate) {
        return start(tdb, settings, docs, gate, () -> null, null);
    }

    /**
     * {@code textIndex}: gives the search index {@code build --tdb2} wrote beside the store, or
     * null to build one in memory from the dataset; asked once the store is open, in the background. {@code dumps}: those of
     * the graph as built ({@link Dumps#of}) to serve at /dumps/, or null to write them from the store.
     */
    public static PsikgServer start(DatasetGraph tdb, ServerSettings settings, Path docs, ReadyGate gate, Supplier<Path> textIndex,
                                    Dumps dumps) {
        ServedData data = new ServedData(tdb, settings, textIndex, dumps);
        // The text search, callable from SPARQL as psifn:search (Registries holds psikg's
        // property functions, the only ones the served queries can call).
        tdb.getContext().set(TextIndex.SYMBOL, (Supplier<TextIndex>) data::textIndex);
        // Built (or opened) as soon as the data is there; a search before that waits for it.
        gate.afterOpen("psikg-text-index", data::textIndex);
        QueryService queries = new QueryService(data, settings);
        Context context = new Context();
        context.set(ARQ.httpServiceAllowed, settings.allowService());
        FusekiServer.Builder builder = FusekiServer.create(OperationRegistry.createStd(), context)
                .fusekiModules(FusekiModules.empty())
                .port(settings.port())
                .enableCors(false)
                .enablePing(false)
                .enableStats(false)
                .enableMetrics(false)
                .enableTasks(false)
                .enableCompact(false)
                .verbose(false)
                // Explicit: Fuseki's default pool is small enough for a few slow clients to fill.
                .numServerThreads(Math.min(8, settings.requestThreads()), settings.requestThreads())
                .registerOperation(Operation.Query, queries)
                .registerOperation(Operation.GSP_R, new GraphStore(false))
                .registerOperation(Operation.GSP_RW, new GraphStore(true));
        DataService.Builder service = DataService.newBuilder(tdb)
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(settings.allowUpdate() ? Operation.GSP_RW : Operation.GSP_R, "data");
        if (settings.allowUpdate()) {
            service.addEndpoint(Operation.Update, "update");
        }
        builder.add(ServerSettings.DATASET, service);
        builder.addFilter("/*", new NoSniff());
        builder.addFilter("/*", new NoTrace());
        builder.addFilter("/*", new DotSegments());
        builder.addFilter("/*", new RequestSizeLimit(settings.maxRequestBytes()));
        if (settings.corsOrigin() != null) {
            builder.addFilter("/*", new CorsFilter(settings.corsOrigin()));
        }
        // After CORS, so that a page on another origin can read its 429; before the gate, so
        // that while the store loads one client cannot park more than its share of threads there.
        builder.addFilter("/*", new ClientLimit(settings.maxConcurrentPerClient(), settings.trustedProxy()));
        builder.addFilter("/*", gate);
        DocsFolder docsFolder = new DocsFolder(docs);
        builder.addFilter("/*", new ConditionalGet(Instant.now(), !settings.allowUpdate()));
        builder.addFilter("/*", new UiFilter());
        // A cache only over data that cannot change: with --allow-update an answer could
        // outlive an update. The validators either way.
        ResultCache cache = settings.cachesResults() ? new ResultCache(settings.cacheBytes()) : null;
        builder.addFilter(ServerSettings.DATASET + "/sparql", new CachedQueries(cache, settings));
        LinkedDataServlet linkedData = new LinkedDataServlet(data, settings);
        for (String path : new String[] {"/id/*", "/article/*", "/graph/*", "/ontology", "/ontology/*",
                "/.well-known/void", "/dataset"}) {
            builder.addServlet(path, linkedData);
        }
        builder.addServlet("", new FrontServlet(data, settings));
        builder.addServlet("/search", new SearchServlet(data, settings));
        builder.addServlet("/dumps/*", new DumpsServlet(data, settings));
        builder.addServlet("/docs/*", docsFolder);
        builder.addServlet("/prefixes.json", new PrefixesServlet(data));
        builder.addServlet("/review", new ReviewServlet(data));
        builder.addServlet("/examples.json",
                new ExamplesServlet(docs == null ? null : docs.toAbsolutePath().resolveSibling("queries"), docsFolder));
        FusekiServer fuseki = builder.build();
        // A backstop for bodies without a Content-Length to any path: reading past the limit fails.
        Server jetty = fuseki.getJettyServer();
        SizeLimitHandler sizeLimit = new SizeLimitHandler(settings.maxRequestBytes(), -1);
        sizeLimit.setHandler(compressed(jetty.getHandler()));
        // A body that trickles in slower than the minimum rate is dropped, its thread freed.
        long rate = settings.minRequestBytesPerSecond();
        jetty.setHandler(new MinimumDataRateHandler(sizeLimit, rate, 0));
        jetty.setErrorHandler(new JettyErrors(settings.maxRequestBytes()));
        for (Connector c : fuseki.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc) {
                sc.setHost(settings.host());
            }
        }
        fuseki.start();
        return new PsikgServer(fuseki, settings.host(), queries, cache);
    }

    /**
     * gzip for the clients that send {@code Accept-Encoding: gzip}, with {@code Vary:
     * Accept-Encoding} on every answer that could be compressed; Jetty gives a compressed
     * answer the ETag {@code "tag--gzip"} and takes it back in If-None-Match, so that both
     * forms validate. Request bodies are not inflated (the size limits count what arrives).
     */
    private static GzipHandler compressed(Handler handler) {
        GzipHandler gzip = new GzipHandler();
        gzip.setIncludedMethods("GET", "POST");
        gzip.setInflateBufferSize(-1);
        gzip.setHandler(handler);
        return gzip;
    }

    /** What the result cache counted and holds; empty if answers are not cached (--allow-update, size 0). */
    public Optional<ResultCache.Stats> cacheStats() {
        return Optional.ofNullable(cache).map(ResultCache::stats);
    }

    /** The port it listens on (the one picked, if started with port 0). */
    public int port() {
        for (Connector c : fuseki.getJettyServer().getConnectors()) {
            if (c instanceof ServerConnector sc) {
                return sc.getLocalPort();
            }
        }
        return fuseki.getHttpPort();
    }

    /** {@code http://HOST:PORT}, for clients on this machine. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if (h.equals("0.0.0.0") || h.equals("[::]")) {
            h = "127.0.0.1";
        }
        return "http://" + h + ":" + port();
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    @Override
    public void close() {
        fuseki.stop();
        queries.close();
    }
}
