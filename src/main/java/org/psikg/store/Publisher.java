package org.psikg.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.io.PrintableText;
import org.psikg.io.Progress;

/**
 * Copies a dataset into any SPARQL 1.1 Graph Store Protocol endpoint: one
 * {@code PUT URL?graph=IRI} per named graph, its triples as N-Triples (the simplest format
 * every store reads), with HTTP Basic authentication when a user is given. PUT replaces the
 * graph, so publishing twice leaves the same data. A graph refused as too large (413) is sent
 * again in parts, a PUT and then POSTs, halving the part size while the target refuses, with
 * the triples that share a blank node always in one part. Graphs go in IRI order; a graph the
 * target refuses does not stop the others, and each outcome is reported.
 * <pre>
 * List&lt;Publisher.Outcome&gt; outcomes = new Publisher(URI.create("http://db:3030/ds/data"), "admin", "pw").publish(dsg);
 * </pre>
 */
public final class Publisher {
    /** What the target said to one graph: the HTTP status (0 if it could not be reached) and its message. */
    public record Outcome(String graph, long triples, int status, String message, int parts) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The smallest part a graph is split into for a target that refuses larger ones. */
    static final long MIN_PART_BYTES = 4 * 1024;
    /** The most bytes of a target's answer that are read: its message; the rest is not waited for. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    /** How long each request may take unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final URI endpoint;
    private final String graphParameter;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient client;

    /** {@code user} may be null: no authentication. */
    public Publisher(URI endpoint, String user, String password) {
        this(endpoint, "graph", user, password);
    }

    /**
     * {@code graphParameter}: the query parameter that names the graph, {@code graph} in the
     * protocol; Virtuoso's /sparql-graph-crud endpoints call it {@code graph-uri}.
     */
    public Publisher(URI endpoint, String graphParameter, String user, String password) {
        this(endpoint, graphParameter, user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8)), DEFAULT_TIMEOUT);
    }

    private Publisher(URI endpoint, String graphParameter, String authorization, Duration timeout) {
        this.endpoint = endpoint;
        this.graphParameter = graphParameter;
        this.authorization = authorization;
        this.timeout = timeout;
        Duration connect = timeout.compareTo(Duration.ofSeconds(30)) < 0 ? timeout : Duration.ofSeconds(30);
        this.client = HttpClient.newBuilder().connectTimeout(connect).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** This publisher with each request (connecting, sending, the answer) bounded by {@code timeout} instead of 10 minutes. */
    public Publisher withTimeout(Duration timeout) {
        return new Publisher(endpoint, graphParameter, authorization, timeout);
    }

    /**
     * Whether the credentials would cross a network in clear text: HTTP Basic over plain
     * http to anything but the loopback interface.
     */
    public static boolean sendsCredentialsInClear(URI endpoint) {
        if (!"http".equalsIgnoreCase(endpoint.getScheme())) {
            return false;
        }
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    /** PUTs every named graph; the caller holds a read transaction if the dataset needs one. */
    public List<Outcome> publish(DatasetGraph dsg) throws InterruptedException {
        return publish(dsg, Progress.none());
    }

    /** As {@link #publish(DatasetGraph)}, advancing {@code progress} by one per graph sent (refused or not). */
    public List<Outcome> publish(DatasetGraph dsg, Progress progress) throws InterruptedException {
        List<Node> graphs = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(graphs::add);
        graphs.sort(Comparator.comparing(Node::getURI));
        List<Outcome> outcomes = new ArrayList<>();
        for (Node g : graphs) {
            outcomes.add(put(g.getURI(), dsg));
            progress.advance(1);
        }
        return outcomes;
    }

    private Outcome put(String graph, DatasetGraph dsg) throws InterruptedException {
        Graph g = dsg.getGraph(NodeFactory.createURI(graph));
        List<byte[]> units = units(g);
        long bytes = units.stream().mapToLong(u -> u.length).sum();
        Outcome outcome = send(graph, g.size(), parts(units, Long.MAX_VALUE));
        // A target that refuses the graph as too large takes it in parts: the first PUT, the
        // others POSTed (added), each half the size of the last try, as long as it answers 413.
        for (long limit = bytes / 2; outcome.status() == 413 && limit >= MIN_PART_BYTES; limit /= 2) {
            outcome = send(graph, g.size(), parts(units, limit));
        }
        return outcome;
    }

    /**
     * The graph's triples as N-Triples, in units that can be sent apart: a triple alone, or
     * every triple that shares a blank node with another (a blank node sent in two requests
     * would become two nodes).
     */
    private static List<byte[]> units(Graph g) {
        Map<Node, Integer> group = new HashMap<>();
        List<StringBuilder> withBlanks = new ArrayList<>();
        List<byte[]> units = new ArrayList<>();
        List<Triple> triples = g.find().toList();
        UnionFind sets = new UnionFind();
        for (Triple t : triples) {
            if (t.getSubject().isBlank() && t.getObject().isBlank()) {
                sets.union(t.getSubject(), t.getObject());
            }
        }
        for (Triple t : triples) {
            String line = NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
                    + NodeFmtLib.strNT(t.getObject()) + " .\n";
            Node blank = t.getSubject().isBlank() ? t.getSubject() : t.getObject().isBlank() ? t.getObject() : null;
            if (blank == null) {
                units.add(line.getBytes(StandardCharsets.UTF_8));
            } else {
                int i = group.computeIfAbsent(sets.find(blank), k -> {
                    withBlanks.add(new StringBuilder());
                    return withBlanks.size() - 1;
                });
                withBlanks.get(i).append(line);
            }
        }
        withBlanks.forEach(sb -> units.add(sb.toString().getBytes(StandardCharsets.UTF_8)));
        return units;
    }

    /** Packs the units into bodies of at most {@code limit} bytes (a unit larger than that goes alone). */
    private static List<byte[]> parts(List<byte[]> units, long limit) {
        List<byte[]> parts = new ArrayList<>();
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        for (byte[] unit : units) {
            if (part.size() > 0 && part.size() + unit.length > limit) {
                parts.add(part.toByteArray());
                part.reset();
            }
            part.writeBytes(unit);
        }
        if (part.size() > 0 || parts.isEmpty()) {
            parts.add(part.toByteArray());
        }
        return parts;
    }

    /** PUTs the first part (replacing the graph) and POSTs the others; stops at the first refusal. */
    private Outcome send(String graph, long triples, List<byte[]> parts) throws InterruptedException {
        Outcome first = null;
        for (int i = 0; i < parts.size(); i++) {
            Outcome o = request(graph, triples, parts.get(i), i == 0 ? "PUT" : "POST", parts.size());
            if (!o.ok()) {
                return o;
            }
            first = first == null ? o : first;
        }
        return first;
    }

    private Outcome request(String graph, long triples, byte[] body, String method, int parts) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target(graph))
                .timeout(timeout)
                .header("Content-Type", "application/n-triples")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        IOException failure = null;
        // PUT and the POSTs after it are safe to send once more: the whole graph is sent again
        // from its PUT should a part fail, and a pooled connection that the server closed after
        // its previous answer (as after a refusal) fails before the request is sent. A target
        // that does not answer in time is not asked again.
        for (int attempt = 0; attempt < 2; attempt++) {
            CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request.build(), info -> new FirstBytes());
            try {
                HttpResponse<String> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                String text = response.body();
                return new Outcome(graph, triples, response.statusCode(), text.isBlank() ? "(the target sent no message: "
                        + PrintableText.reason(response.statusCode()) + ")" : PrintableText.of(text), parts);
            } catch (TimeoutException e) {
                exchange.cancel(true);
                return silent(graph, triples, parts);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof HttpTimeoutException) {
                    return silent(graph, triples, parts);
                }
                failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
        return new Outcome(graph, triples, 0, "could not reach " + endpoint + ": " + failure, parts);
    }

    private Outcome silent(String graph, long triples, int parts) {
        return new Outcome(graph, triples, 0, "no answer from " + endpoint + " within " + timeout.toSeconds() + " s (--timeout)", parts);
    }

    /**
     * The first {@value #MAX_ANSWER_BYTES} bytes of a target's answer, as text: the message is
     * all that is wanted, and a target that sends without end is not read to its end (the
     * subscription is cancelled, which drops the connection).
     */
    private static final class FirstBytes implements HttpResponse.BodySubscriber<String> {
        private final ByteArrayOutputStream got = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                int n = Math.min(b.remaining(), MAX_ANSWER_BYTES - got.size());
                byte[] bytes = new byte[n];
                b.get(bytes);
                got.writeBytes(bytes);
            }
            if (got.size() >= MAX_ANSWER_BYTES) {
                subscription.cancel();
                onComplete();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            body.complete(got.toString(StandardCharsets.UTF_8));
        }
    }

    /** The endpoint with {@code graph=IRI} (or the other parameter name) added to its query string. */
    URI target(String graph) {
        String base = endpoint.toString();
        String sep = endpoint.getRawQuery() == null ? "?" : "&";
        return URI.create(base + sep + URLEncoder.encode(graphParameter, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(graph, StandardCharsets.UTF_8));
    }
}

/** Disjoint sets of blank nodes, joined where a triple links two of them. */
final class UnionFind {
    private final Map<Node, Node> parent = new HashMap<>();

    Node find(Node n) {
        Node p = parent.getOrDefault(n, n);
        if (p.equals(n)) {
            return n;
        }
        Node root = find(p);
        parent.put(n, root);
        return root;
    }

    void union(Node a, Node b) {
        Node ra = find(a);
        Node rb = find(b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
