package org.psikg.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.psikg.io.PrintableText;

/**
 * Any SPARQL 1.1 endpoint over HTTP, as the protocol defines it and nothing more: the query
 * POSTed as {@code application/x-www-form-urlencoded} (the one form every store takes), the
 * answer asked for as SPARQL JSON results. No Jena-specific client, so that what is checked
 * is the store, not a client's rewriting.
 * <pre>
 * RemoteEndpoint store = new RemoteEndpoint(URI.create("http://db:8890/sparql"), Duration.ofSeconds(60));
 * RemoteEndpoint.Reply reply = store.ask(queryFile.text(), queryFile.query().isAskType());
 * </pre>
 */
public final class RemoteEndpoint {
    /** What the store said: an answer, or the HTTP status (0 if unreachable) and its message. */
    public record Reply(Answer answer, int status, String message) {
        public boolean ok() {
            return answer != null;
        }
    }

    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient client;

    public RemoteEndpoint(URI endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI uri() {
        return endpoint;
    }

    /** Sends a SELECT or ASK query and reads its answer. */
    public Reply ask(String query, boolean isAsk) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Reply(null, 0, "could not reach " + endpoint + ": " + e);
        }
        if (response.statusCode() != 200) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            return new Reply(null, response.statusCode(), text.isBlank() ? "(the store sent no message: "
                    + PrintableText.reason(response.statusCode()) + ")" : PrintableText.of(text));
        }
        try (ByteArrayInputStream in = new ByteArrayInputStream(response.body())) {
            Answer answer = isAsk ? Answer.ask(ResultSetMgr.readBoolean(in, ResultSetLang.RS_JSON))
                    : Answer.of(ResultSetMgr.read(in, ResultSetLang.RS_JSON));
            return new Reply(answer, 200, "");
        } catch (IOException | RuntimeException e) {
            return new Reply(null, 200, "the answer is not SPARQL JSON results: " + PrintableText.of(String.valueOf(e.getMessage())));
        }
    }
}
