package org.psikg.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Copies a dataset into any SPARQL 1.1 Graph Store Protocol endpoint: one
 * {@code PUT URL?graph=IRI} per named graph, its triples as N-Triples (the simplest format
 * every store reads), with HTTP Basic authentication when a user is given. PUT replaces the
 * graph, so publishing twice leaves the same data. Graphs go in IRI order; a graph the
 * target refuses does not stop the others, and each outcome is reported.
 * <pre>
 * List&lt;Publisher.Outcome&gt; outcomes = new Publisher(URI.create("http://db:3030/ds/data"), "admin", "pw").publish(dsg);
 * </pre>
 */
public final class Publisher {
    /** What the target said to one graph: the HTTP status (0 if it could not be reached) and its message. */
    public record Outcome(String graph, long triples, int status, String message) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final URI endpoint;
    private final String graphParameter;
    private final String authorization;
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
        this.endpoint = endpoint;
        this.graphParameter = graphParameter;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** PUTs every named graph; the caller holds a read transaction if the dataset needs one. */
    public List<Outcome> publish(DatasetGraph dsg) throws InterruptedException {
        List<Node> graphs = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(graphs::add);
        graphs.sort(Comparator.comparing(Node::getURI));
        List<Outcome> outcomes = new ArrayList<>();
        for (Node g : graphs) {
            outcomes.add(put(g.getURI(), dsg));
        }
        return outcomes;
    }

    private Outcome put(String graph, DatasetGraph dsg) throws InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, dsg.getGraph(org.apache.jena.graph.NodeFactory.createURI(graph)), RDFFormat.NTRIPLES);
        long triples = dsg.getGraph(org.apache.jena.graph.NodeFactory.createURI(graph)).size();
        HttpRequest.Builder request = HttpRequest.newBuilder(target(graph))
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/n-triples")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        IOException failure = null;
        // PUT is idempotent, so one more try is safe: a pooled connection that the server closed
        // after its previous answer (as after a refusal) fails before the request is sent.
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String text = response.body() == null ? "" : response.body().strip();
                return new Outcome(graph, triples, response.statusCode(), text.length() > 300 ? text.substring(0, 300) + "…" : text);
            } catch (IOException e) {
                failure = e;
            }
        }
        return new Outcome(graph, triples, 0, "could not reach " + endpoint + ": " + failure);
    }

    /** The endpoint with {@code graph=IRI} (or the other parameter name) added to its query string. */
    URI target(String graph) {
        String base = endpoint.toString();
        String sep = endpoint.getRawQuery() == null ? "?" : "&";
        return URI.create(base + sep + URLEncoder.encode(graphParameter, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(graph, StandardCharsets.UTF_8));
    }
}
