package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.search.TextIndex;
import org.psikg.store.TdbStore;

/** The full-text search: the page, its JSON, the property function, and the index on disk. */
class SearchTest {

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void anEnglishWordFindsLabelsAndQuotesRankedWithTheWordMarked() {
        HttpResponse<String> r = TestServer.get("/search?q=" + q("joined"), "text/html");
        assertEquals(200, r.statusCode());
        String html = r.body();
        // "joined" is stemmed: the quote "In 2015, Armenia joined the Union." is a hit, linked to its passage.
        assertTrue(html.contains("href=\"" + TestServer.url() + "/article/test-article#armenia-joins\""), html);
        assertTrue(html.contains("<mark>joined</mark>"), html);
        String union = TestServer.get("/search?q=" + q("economic unions"), "text/html").body();
        int label = union.indexOf("href=\"" + TestServer.url() + "/id/eaeu\"");
        assertTrue(label > 0, union);
        assertTrue(union.contains("<mark>Economic</mark>"), union);
    }

    @Test
    void aRussianWordFindsTheRussianLabel() {
        // The registry labels the EAEU "Евразийский экономический союз"; the query is in another case.
        String html = TestServer.get("/search?q=" + q("экономического союза"), "text/html").body();
        assertTrue(html.contains("href=\"" + TestServer.url() + "/id/eaeu\""), html);
        assertTrue(html.contains("<mark>экономический</mark>") || html.contains("<mark>союз</mark>"), html);
        String json = TestServer.get("/search?q=" + q("слаб") + "&format=json", null).body();
        assertTrue(json.contains("\"kind\":\"quote\"") && json.contains("summary-ru"), json);
    }

    @Test
    void queriesAreWordsNotSyntaxAndHaveALimit() {
        assertEquals(200, TestServer.get("/search?q=" + q("eaeu) OR *:* \"["), "text/html").statusCode());
        assertTrue(TestServer.get("/search?q=" + q("the of"), "text/html").body().contains("0 hits"), "stop words only");
        assertEquals(400, TestServer.get("/search?q=" + "a".repeat(SearchServlet.MAX_QUERY + 1), "text/html").statusCode());
        assertTrue(TestServer.get("/search", "text/html").body().contains("name=\"q\""));
    }

    @Test
    void sparqlJoinsTextHitsWithTheGraph() {
        String query = """
                PREFIX psifn: <https://w3id.org/psikg/fn#>
                PREFIX psi: <https://w3id.org/psikg/ontology#>
                SELECT ?thing ?score WHERE { (?thing ?score ?kind) psifn:search ("союз" 10) . ?thing a psi:IntegrationProject }
                """;
        HttpResponse<String> r = TestServer.query(query, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("https://w3id.org/psikg/id/eaeu,"), r.body());
        assertTrue(r.body().lines().skip(1).allMatch(l -> l.startsWith("https://w3id.org/psikg/id/")), r.body());
        // ARQ's own property functions stay off.
        String list = "SELECT ?x WHERE { (1 2) <http://jena.apache.org/ARQ/list#member> ?x }";
        HttpResponse<String> off = TestServer.query(list, "text/csv");
        assertTrue(off.statusCode() == 400 || off.body().strip().equals("x"), off.statusCode() + " " + off.body());
    }

    @Test
    void buildWritesTheIndexBesideTheStoreAndItAnswersAsTheMemoryOne(@TempDir Path dir) throws Exception {
        var kg = TestServer.graph();
        Path store = dir.resolve("tdb2");
        TdbStore.write(store, kg.dataset(), kg.prefixes());
        Path beside = TextIndex.besideStore(store);
        assertEquals(dir.resolve("tdb2.text").toAbsolutePath(), beside);
        TextIndex.write(kg.dataset(), beside, "first");
        assertEquals(java.util.Optional.of("first"), TextIndex.writtenFor(beside));
        TextIndex.write(kg.dataset(), beside, "second");   // replaced, not piled up
        assertEquals(java.util.Optional.of("second"), TextIndex.writtenFor(beside), "the store it was written with");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("tdb2", "tdb2.text"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (TextIndex disk = TextIndex.open(beside); TextIndex memory = TextIndex.build(TdbStore.inMemory(kg.dataset(), kg.prefixes()))) {
            assertEquals(memory.size(), disk.size());
            assertEquals(memory.search("union", 20).stream().map(TextIndex.Hit::iri).toList(),
                    disk.search("union", 20).stream().map(TextIndex.Hit::iri).toList());
        }
        Path foreign = dir.resolve("mine.text");
        Files.createDirectories(foreign.resolve("sub"));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> TextIndex.write(kg.dataset(), foreign, "x")).getMessage().contains("not a psikg text index"));
        assertTrue(Files.isDirectory(foreign.resolve("sub")), "what psikg did not write is left alone");
        assertEquals(java.util.Optional.empty(), TextIndex.writtenFor(foreign), "not an index");
        assertEquals(java.util.Optional.empty(), TextIndex.writtenFor(dir.resolve("missing.text")));
    }
}
