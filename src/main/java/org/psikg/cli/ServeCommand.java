package org.psikg.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.psikg.error.InputException;
import org.psikg.rdf.GraphSource;
import org.psikg.server.PsikgServer;
import org.psikg.server.QueryLimits;
import org.psikg.server.ServerLauncher;
import org.psikg.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psikg serve}: the SPARQL endpoint and linked-data front (docs/server.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the graph: SPARQL endpoint, linked data, VoID and dumps, read-only and safe by default.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GraphSourceOptions graph;

    @Option(names = "--port", paramLabel = "N", defaultValue = "3030", description = "the port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "the address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--base-url", paramLabel = "URL", description = "the public URL of the server, for links, VoID and the service description (default: from each request)")
    String baseUrl;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10", converter = Seconds.class,
            description = "seconds a query may take to its first result (default: ${DEFAULT-VALUE})")
    Duration firstResult;

    @Option(names = "--timeout-total", paramLabel = "S", defaultValue = "30", converter = Seconds.class,
            description = "seconds a query may take in all (default: ${DEFAULT-VALUE})")
    Duration total;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "10000",
            description = "the most rows (or triples) a query may return; a larger result is an error (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--max-query-length", paramLabel = "N", defaultValue = "100000",
            description = "the most characters a query may have; a longer one is refused unparsed (default: ${DEFAULT-VALUE})")
    int maxQueryLength;

    @Option(names = "--max-request-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "the most bytes of a request body (413 above) or query string (414 above) (default: ${DEFAULT-VALUE})")
    int maxRequestBytes;

    @Option(names = "--max-concurrent-per-client", paramLabel = "N", defaultValue = "4",
            description = "the most requests one client address may have in progress at once; more get 429 (default: ${DEFAULT-VALUE})")
    int maxConcurrentPerClient;

    @Option(names = "--trusted-proxy", paramLabel = "ADDR",
            description = "the address of the reverse proxy in front: its X-Forwarded-For (last entry) names the client for --max-concurrent-per-client (default: none, the header is not believed)")
    String trustedProxy;

    @Option(names = "--max-queries-in-flight", paramLabel = "N", defaultValue = "16",
            description = "the most queries running at once on the whole server (default: ${DEFAULT-VALUE})")
    int maxInFlight;

    @Option(names = "--max-queries-queued", paramLabel = "N", defaultValue = "64",
            description = "the most queries waiting for one of those; more, or a wait past --timeout, get 503 (default: ${DEFAULT-VALUE})")
    int maxQueued;

    @Option(names = "--max-long-queries", paramLabel = "N", defaultValue = "0",
            description = "the most queries running for more than a second at once; a further one is stopped with 503"
                    + " (default: half the processors, at least 1)")
    int maxLong;

    @Option(names = "--max-result-bytes", paramLabel = "N", defaultValue = "33554432",
            description = "the most bytes of values in one answer; a larger one is an error (default: ${DEFAULT-VALUE})")
    long maxResultBytes;

    @Option(names = "--max-string-length", paramLabel = "N", defaultValue = "1048576",
            description = "the most characters of a string a query may build (CONCAT, REPLACE, GROUP_CONCAT...) (default: ${DEFAULT-VALUE})")
    int maxStringLength;

    @Option(names = "--request-threads", paramLabel = "N", defaultValue = "128",
            description = "the most threads serving requests (default: ${DEFAULT-VALUE})")
    int requestThreads;

    @Option(names = "--min-request-rate", paramLabel = "N", defaultValue = "1024",
            description = "the slowest a request body may arrive, in bytes per second; slower ones are dropped (default: ${DEFAULT-VALUE})")
    int minRequestRate;

    @Option(names = "--cache-bytes", paramLabel = "N", defaultValue = "67108864",
            description = "the most bytes of query answers kept in memory; 0: no cache; none with --allow-update (default: ${DEFAULT-VALUE})")
    long cacheBytes;

    @Option(names = "--allow-arq-syntax",
            description = "accept ARQ's extensions of SPARQL 1.1 syntax (counted paths, LATERAL...); functions stay limited (default: off)")
    boolean allowArqSyntax;

    @Option(names = "--allow-update", description = "accept SPARQL Update at /psikg/update and Graph Store writes at /psikg/data (default: off)")
    boolean allowUpdate;

    @Option(names = "--allow-service", description = "let queries use SERVICE to query other endpoints (default: off)")
    boolean allowService;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", defaultValue = "*",
            description = "the origin other web pages may query from (GET and POST only); none: no CORS (default: ${DEFAULT-VALUE})")
    String corsOrigin;

    @Option(names = "--docs", paramLabel = "DIR", defaultValue = "docs", description = "the documentation folder served at /docs/ (default: ${DEFAULT-VALUE})")
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
            {"--max-request-bytes", maxRequestBytes}, {"--max-concurrent-per-client", maxConcurrentPerClient},
            {"--max-queries-in-flight", maxInFlight}, {"--max-queries-queued", maxQueued},
            {"--max-string-length", maxStringLength}, {"--request-threads", requestThreads},
            {"--min-request-rate", minRequestRate}, {"--max-long-queries", maxLong + 1}, {"--max-result-bytes", (int) Math.min(maxResultBytes, Integer.MAX_VALUE)}}) {
            if ((int) limit[1] < 1) {
                err.println("psikg: " + limit[0] + " must be at least 1");
                return ExitCodes.BAD_INPUT;
            }
        }
        if (cacheBytes < 0) {
            err.println("psikg: --cache-bytes must be at least 0");
            return ExitCodes.BAD_INPUT;
        }
        ServerSettings settings = ServerSettings.builder().host(host).port(port).baseUrl(baseUrl)
                .timeouts(firstResult, total).maxRows(maxRows).allowUpdate(allowUpdate).allowService(allowService)
                .corsOrigin(corsOrigin.toLowerCase(Locale.ROOT).equals("none") ? null : corsOrigin)
                .requestLimits(maxQueryLength, maxRequestBytes, maxConcurrentPerClient).trustedProxy(trustedProxy)
                .queryLimits(QueryLimits.defaults().withSizes(maxStringLength, maxResultBytes)
                        .withInFlight(maxInFlight, maxQueued).withArqSyntax(allowArqSyntax)
                        .withWatch(maxLong > 0 ? maxLong : QueryLimits.defaults().maxLong(), QueryLimits.defaults().longAfterMillis(),
                                QueryLimits.defaults().heapFraction()))
                .connections(requestThreads, minRequestRate).cacheBytes(cacheBytes).build();
        GraphSource source = graph.source();
        PsikgServer server;
        try {
            server = ServerLauncher.launch(source, settings, docs);
        } catch (InputException e) {
            return Errors.report(spec, e);
        } catch (ServerLauncher.CannotListen e) {
            err.println("psikg: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        out.printf("psikg: serving %s at %s/ in %.2f s%n", source.path(), server.url(), (System.nanoTime() - start) / 1e9);
        out.printf("  SPARQL endpoint  %s/psikg/sparql%n", server.url());
        out.printf("  linked data      %s/id/russia, /article/..., /graph/..., /ontology%n", server.url());
        out.printf("  description      %s/.well-known/void, dumps at %s/dumps/%n", server.url(), server.url());
        out.flush();
        server.join();
        return ExitCodes.OK;
    }
}
