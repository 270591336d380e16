package org.psikg.server;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.system.Txn;
import org.apache.jena.web.HttpSC;
import org.psikg.server.html.DescriptionPage;
import org.psikg.server.html.Html;
import org.psikg.server.html.Labels;
import org.psikg.server.html.Values;

/**
 * The SPARQL query endpoint (/psikg/sparql): Fuseki's SPARQL protocol handling, with the
 * limits of {@link ServerSettings} applied to every query.
 * <ul>
 * <li>A query longer than the limit, or nested deeper than {@link QueryText#MAX_NESTING}
 *     brackets, is refused (400) before it is parsed ({@link QueryText}); a query that still
 *     overflows the stack somewhere (a long chain of UNIONs, say) is answered 400 too.</li>
 * <li>SERVICE and script functions are refused (400) before anything runs ({@link QueryGuard}),
 *     and ARQ's own switch for SERVICE over HTTP is off too.</li>
 * <li>The timeouts are the server's; a {@code ?timeout=} parameter (seconds, as Fuseki reads
 *     it) can only lower them. REGEX and REPLACE stop at the deadline too, inside one match
 *     ({@link BoundedRegex}).</li>
 * <li>The row cap is never a silent cut: a SELECT runs with {@code LIMIT cap+1}, and a
 *     result with more than {@code cap} rows (or a CONSTRUCT or DESCRIBE with more than
 *     {@code cap} triples) is answered 400 with the reason, not with the first rows. A
 *     CONSTRUCT stops as soon as it goes over.</li>
 * <li>A GET with no query is answered with the service description ({@link ServiceDescription}).</li>
 * </ul>
 * <pre>
 * FusekiServer.create().registerOperation(Operation.Query, new QueryService(data, settings))...
 * </pre>
 */
public final class QueryService extends SPARQL_QueryDataset {
    static final List<String> REFUSED_PARAMS = List.of("stylesheet", "callback");

    private final ServedData data;
    private final ServerSettings settings;
    private final QueryLimits limits;
    private final QuerySlots slots;
    private final QueryWatch watch;
    private final ThreadLocal<QueryWatch.Entry> watched = new ThreadLocal<>();

    public QueryService(ServedData data, ServerSettings settings) {
        this.data = data;
        this.settings = settings;
        this.limits = settings.queryLimits();
        this.slots = new QuerySlots(limits.maxInFlight(), limits.maxQueued());
        this.watch = new QueryWatch(limits.maxLong(), limits.longAfterMillis(), limits.heapFraction());
    }

    /** Stops the watch of long and memory-hungry queries (the server is stopping). */
    void close() {
        watch.close();
    }

    @Override
    public void execGet(HttpAction action) {
        // No query (at most a ?format=): the service description, where Fuseki would answer 404.
        if (action.getRequestParameter("query") == null
                && java.util.Set.of("format").containsAll(action.getRequestParameterMap().keySet())) {
            serviceDescription(action);
            return;
        }
        super.execGet(action);
    }

    /** Fuseki's, but counting: a query body without a Content-Length is read only up to the limit (413 beyond). */
    @Override
    protected void executeBody(HttpAction action) {
        int max = settings.maxRequestBytes();
        byte[] body;
        try (InputStream in = action.getRequestInputStream()) {
            body = in.readNBytes(max + 1);
        } catch (IOException | RuntimeException e) {
            // Jetty's own size limit, or a client gone: nothing more to read from this request.
            ServletOps.error(HttpSC.PAYLOAD_TOO_LARGE_413, RequestSizeLimit.tooLargeMessage(max));
            return;
        }
        if (body.length > max) {
            action.getResponse().setHeader("Connection", "close");
            ServletOps.error(HttpSC.PAYLOAD_TOO_LARGE_413, RequestSizeLimit.tooLargeMessage(max));
        }
        execute(new String(body, StandardCharsets.UTF_8), action);
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        if (queryString != null) {
            QueryText.refusal(queryString, settings.maxQueryLength(), QueryText.MAX_NESTING)
                    .ifPresent(ServletOps::errorBadRequest);
            if (!limits.allowArqSyntax()) {
                strictSyntax(queryString).ifPresent(ServletOps::errorBadRequest);
            }
        }
        QuerySlots.Slot slot;
        try {
            slot = slots.acquire(ClientLimit.client(action.getRequest()), settings.firstResult().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot = null;
        }
        if (slot == null) {
            action.getResponse().setHeader("Retry-After", ClientLimit.RETRY_AFTER_SECONDS);
            ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, "the server is busy: " + limits.maxInFlight()
                    + " queries are running and others are waiting; retry in a moment");
        }
        try (QuerySlots.Slot held = slot) {
            super.execute(queryString, action);
        } catch (StackOverflowError e) {
            // Parsing, logging, compiling and running all recurse over the query's structure;
            // the stack is unwound by now, and the read transaction ended by Fuseki's finally.
            ServletOps.errorBadRequest(QueryGuard.TOO_DEEP);
        } finally {
            QueryBudget.clear();
            watch.done(watched.get());
            watched.remove();
        }
    }

    /**
     * Why the query is refused as not SPARQL 1.1, or empty. Fuseki parses with ARQ's syntax,
     * a superset (counted paths, LATERAL, LET, the JSON form...): a query is parsed as SPARQL
     * 1.1 first, and one that only ARQ's parser accepts is refused with what the standard
     * parser said. One that neither accepts is left to Fuseki's own error.
     */
    static Optional<String> strictSyntax(String queryString) {
        try {
            QueryFactory.create(queryString, Fuseki.BaseParserSPARQL, Syntax.syntaxSPARQL_11);
            return Optional.empty();
        } catch (QueryParseException strict) {
            try {
                QueryFactory.create(queryString, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
            } catch (QueryParseException | StackOverflowError neither) {
                return Optional.empty();
            }
            return Optional.of("not SPARQL 1.1: this endpoint accepts standard SPARQL 1.1 only, not ARQ's extensions"
                    + " (counted paths, LATERAL, LET, the JSON form...): " + SPARQLProtocol.messageForParseException(strict));
        } catch (QueryException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /**
     * Fuseki's {@code stylesheet=} goes into the XML results unescaped (a link to this
     * endpoint could carry a script that runs on its origin), and {@code callback=} wraps
     * JSON in any text the link gives (JSONP): both refused; CORS serves other origins.
     */
    @Override
    protected void validateRequest(HttpAction action) {
        for (String p : REFUSED_PARAMS) {
            if (action.getRequestParameter(p) != null) {
                ServletOps.errorBadRequest("the " + p + "= parameter is not supported on this endpoint");
            }
        }
        super.validateRequest(action);
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        Optional<String> refusal = QueryGuard.refusal(query, limits, settings.allowService());
        refusal.ifPresent(ServletOps::errorBadRequest);
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        Query q = query;
        if (q.isSelectType() && (!q.hasLimit() || q.getLimit() > settings.maxRows())) {
            q = q.cloneQuery();
            q.setLimit(settings.maxRows() + 1L);
        }
        long first = settings.firstResult().toMillis();
        long total = settings.total().toMillis();
        String requested = action.getRequestParameter("timeout");
        if (requested != null) {
            long[] t = requestedTimeout(requested);
            if (t == null) {
                ServletOps.errorBadRequest("timeout must be seconds in all, or seconds to the first result and seconds"
                        + " in all separated by a comma (5 or 2,5): " + requested);
            } else {
                first = lower(first, t[0]);
                total = lower(total, t[1]);
            }
        }
        QueryBudget.start(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(total), limits.maxStringLength());
        Context context = action.getContext().copy();
        Registries.restrict(context);
        QueryExec exec = QueryExec.newBuilder()
                .dataset(dataset)
                .query(BoundedStrings.rewrite(q))
                .context(context)
                .set(ARQ.httpServiceAllowed, settings.allowService())
                // A SERVICE call (when allowed) blocks on the network, where the query timeout
                // does not reach: give the HTTP request the same limit.
                .set(ARQ.httpQueryTimeout, total)
                .initialTimeout(Math.min(first, total), TimeUnit.MILLISECONDS)
                .overallTimeout(total, TimeUnit.MILLISECONDS)
                .build();
        watched.set(watch.register(exec));
        return exec;
    }

    private static long lower(long limit, long requested) {
        return requested > 0 ? Math.min(limit, requested) : limit;
    }

    /**
     * A {@code ?timeout=} as Fuseki reads it, but with decimals: {@code 5} is 5 s in all,
     * {@code 2,5} is 2 s to the first result and 5 s in all. Milliseconds, -1 where not
     * given, or null if malformed.
     */
    static long[] requestedTimeout(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length > 2) {
            return null;
        }
        long[] ms = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                double s = Double.parseDouble(parts[i].trim());
                if (!(s > 0) || Double.isInfinite(s)) {
                    return null;
                }
                ms[i] = Math.max(1, (long) Math.min(s * 1000, Long.MAX_VALUE / 2));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return parts.length == 1 ? new long[] {-1, ms[0]} : ms;
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        try {
            return collect(action, queryExec, requestQuery, queryStringLog);
        } catch (QueryLimitException e) {
            ServletOps.errorBadRequest(e.getMessage());
            return null;
        } catch (QueryCancelledException e) {
            QueryWatch.Entry entry = watched.get();
            QueryWatch.Reason reason = entry == null ? null : entry.reason();
            if (reason == null) {
                throw e;
            }
            action.getResponse().setHeader("Retry-After", ClientLimit.RETRY_AFTER_SECONDS);
            ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, reason == QueryWatch.Reason.LONG
                    ? "stopped: " + limits.maxLong() + " long queries (running for more than " + limits.longAfterMillis()
                            + " ms) are already running on this server, the most at once; retry later, or make it quicker"
                    : "stopped: the server's memory is nearly full and this query had taken the most of it");
            return null;
        }
    }

    /**
     * The whole answer, in memory before any byte is sent, so that a query stopped by a limit
     * or a timeout is answered with an error status, never a 200 with a cut body; within the
     * row cap and {@link QueryLimits#maxResultBytes()}.
     */
    private QueryExecResult collect(HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        int cap = settings.maxRows();
        AnswerSize size = new AnswerSize(limits.maxResultBytes());
        if (requestQuery.isConstructType()) {
            return constructUpToCap(queryExec, requestQuery, cap, size);
        }
        QueryExecResult result = super.executeQuery(action, queryExec, requestQuery, queryStringLog);
        if (result.isRowSet()) {
            RowSet rows = result.rowSet();
            List<Binding> kept = new ArrayList<>();
            while (rows.hasNext()) {
                Binding b = rows.next();
                kept.add(b);
                if (kept.size() > cap) {
                    tooLarge(cap, "rows");
                }
                size.add(b);
            }
            return new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
        }
        if (result.isGraph()) {
            if (result.graph().size() > cap) {
                tooLarge(cap, "triples");
            }
            result.graph().find().forEachRemaining(size::add);
        }
        if (result.isDataset()) {
            if (result.dataset().stream().count() > cap) {
                tooLarge(cap, "triples");
            }
            result.dataset().find().forEachRemaining(size::add);
        }
        return result;
    }

    /**
     * A CONSTRUCT, collected as Fuseki does (a dataset, with the query's prefixes) but
     * stopped as soon as it has more distinct triples than the cap: a cross product in the
     * template must not fill the memory before the timeout.
     */
    private static QueryExecResult constructUpToCap(QueryExec queryExec, Query query, int cap, AnswerSize size) {
        DatasetGraph out = DatasetGraphFactory.create();
        out.prefixes().putAll(query.getPrefixMapping().getNsPrefixMap());
        long distinct = 0;
        Iterator<Quad> quads = queryExec.constructQuads();
        while (quads.hasNext()) {
            Quad q = quads.next();
            if (!out.contains(q)) {
                out.add(q);
                if (++distinct > cap) {
                    tooLarge(cap, "triples");
                }
                size.add(q);
            }
        }
        return new QueryExecResult(out);
    }

    private static void tooLarge(int cap, String what) {
        ServletOps.error(HttpSC.BAD_REQUEST_400, "result too large: more than " + cap + " " + what
                + " (the row cap of this endpoint); add a LIMIT of at most " + cap + ", or page with LIMIT and OFFSET");
    }

    private void serviceDescription(HttpAction action) {
        HttpServletResponse response = action.getResponse();
        response.addHeader("Vary", "Accept");
        Optional<Representation> r = Representation.choose(action.getRequest(), Representation.ALL);
        try {
            if (r.isEmpty()) {
                Representation.notAcceptable(response, Representation.ALL);
                action.setResponseStatus(HttpSC.NOT_ACCEPTABLE_406);
                return;
            }
            Site site = Site.of(action.getRequest(), settings);
            Txn.executeRead(data.dataset(), () -> {
                Graph sd = ServiceDescription.graph(data, site, settings);
                try {
                    if (r.get() == Representation.HTML) {
                        Html intro = new Html();
                        intro.open("p").text("The SPARQL 1.1 endpoint of psikg. Send a query as ?query= (GET) or in a POST;"
                                + " or write one in the ").link(site.url("/sparql"), "query page").text(".").close("p");
                        Representation.writeHtml(response, DescriptionPage.render("SPARQL endpoint", sd,
                                org.apache.jena.graph.NodeFactory.createURI(site.endpoint()), intro.toString(),
                                new Values(new Labels(data.dataset(), data.prefixes()), site)));
                    } else {
                        r.get().write(response, sd, sd.getPrefixMapping());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            action.setResponseStatus(HttpSC.OK_200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
