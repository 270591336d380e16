package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.psikg.server.html.Html;

/**
 * The reader pages of the seeds stay in proportion to what they show: the article's text once
 * (the folded list of all triples links to it instead of holding a second copy), each
 * panel's assertion mode once when its statements share it, and at most a budget of bytes
 * per statement line (the links to subject, property, value and the reified statement).
 * The article 002's reader was 829 KB before this, 703 KB of it the panels.
 */
class ReaderSizeTest {
    /** The budget: bytes per statement line, and per panel (its heading, count, "About" line and annotation link). */
    private static final int BYTES_PER_STATEMENT = 260;
    private static final int BYTES_PER_PANEL = 900;
    private static final Pattern PANEL = Pattern.compile("<section class=\"panel\".*?</section>", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile("<ul class=\"statements\"><li>|</li>\\s*<li>");
    private static final Pattern MODE = Pattern.compile("<span class=\"mode\">([^<]*)</span>");

    @Test
    void readerPagesHoldTheirTextOnceAndFewBytesPerStatement() throws Exception {
        List<String> articles = SeedsServer.select("PREFIX psi: <https://w3id.org/psikg/ontology#> SELECT ?a WHERE {"
                + " ?a a psi:Article } ORDER BY ?a");
        assertEquals(5, articles.size(), articles.toString());
        for (String iri : articles) {
            String path = iri.substring("https://w3id.org/psikg".length());
            String html = page(path);
            String text = textOf(iri);
            // The folded list of every triple names the text and links to it, holding no stretch of it.
            String allTriples = html.substring(html.indexOf("<details id=\"all-triples\">"));
            String escaped = Html.escape(text);
            for (int at = 0; at + 80 < escaped.length(); at += 997) {
                String window = escaped.substring(at, at + 80);
                assertTrue(!allTriples.contains(window), path + ": the text shown twice: " + window);
            }
            assertTrue(allTriples.contains("<a href=\"#reader\">the text above</a>"), path);
            int lines = 0;
            int panelCount = 0;
            int panelBytes = 0;
            Matcher panels = PANEL.matcher(html);
            while (panels.find()) {
                String panel = panels.group();
                int n = (int) LINE.matcher(panel).results().count();
                List<String> modes = MODE.matcher(panel).results().map(m -> m.group(1)).toList();
                assertTrue(modes.isEmpty() || modes.stream().distinct().count() > 1,
                        path + ": a panel repeats one assertion mode on every line: " + panel);
                lines += n;
                panelCount++;
                panelBytes += panel.getBytes(StandardCharsets.UTF_8).length;
            }
            assertTrue(lines > 0, path);
            long bytes = html.getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("%s: %d bytes, %d of them in %d panels of %d statement lines, text %d characters%n",
                    path, bytes, panelBytes, panelCount, lines, text.length());
            assertTrue(panelBytes <= BYTES_PER_STATEMENT * lines + BYTES_PER_PANEL * panelCount,
                    path + ": " + panelBytes + " bytes of panels for " + panelCount + " panels of " + lines + " statement lines");
        }
    }

    private static String textOf(String article) {
        // The text through the endpoint's JSON, which keeps its line breaks exactly.
        try {
            HttpResponse<String> r = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(SeedsServer.url() + "/psikg/sparql?query="
                    + java.net.URLEncoder.encode("SELECT ?t WHERE { <" + article + "> <https://w3id.org/psikg/ontology#text> ?t }",
                    StandardCharsets.UTF_8))).header("Accept", "application/sparql-results+json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).at("/results/bindings/0/t/value").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String page(String path) throws Exception {
        HttpResponse<String> r = TestServer.CLIENT.send(HttpRequest.newBuilder(URI.create(SeedsServer.url() + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

}
