package org.psikg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.support.Fixture;

/**
 * The query of docs/queries.md, "Only what the sources state", on the loader's assertions
 * case (a hedged thesis, two readings, one of them also stated by another quote): it keeps the
 * stated statements and drops the read and the hedged ones.
 */
class StatedOnlyTest {
    @TempDir
    Path tmp;

    @Test
    void theDocumentedQueryKeepsOnlyStatedStatements() throws Exception {
        Fixture.materialise(Fixture.RESOURCES.resolve("loader/assertions"), tmp);
        QueryRunner runner = QueryRunner.over(KnowledgeGraph.build(tmp.resolve("seeds"), tmp.resolve("ontology.ttl")));
        Answer stated = runner.select(QueryFactory.create(documentedQuery()));
        List<String> rows = stated.canonicalRows();
        String art = "<https://w3id.org/psikg/article/test-article/";
        assertTrue(rows.stream().anyMatch(r -> r.contains("<https://w3id.org/psikg/id/eaeu>") && r.contains("ontology#status>")),
                "eaeu status Active is stated by one quote and read by another: it stays\n" + String.join("\n", rows));
        assertEquals(List.of("?article=" + art.replace("test-article/", "test-article>") + " ?o=\"Союз слаб\"@ru"
                + " ?p=<https://w3id.org/psikg/ontology#content> ?s=" + art + "last-attempt>"),
                rows.stream().filter(r -> r.contains(art + "last-attempt>")).toList(),
                "of the thesis, only the Russian summary, which another quote states; its hedged statements and its read topic are left out");
        assertTrue(rows.stream().anyMatch(r -> r.contains(art + "armenia-in-eaeu>")), String.join("\n", rows));
        Answer all = runner.select(QueryFactory.create(documentedQuery().replace("psi:assertionMode psi:Stated ; ", "")));
        assertEquals(rows.size() + 4, all.rows().size(), "the thesis's type, claimant and English content hedged, its topic read");
    }

    private static String documentedQuery() throws Exception {
        String docs = Files.readString(Path.of("docs/queries.md"));
        String section = docs.substring(docs.indexOf("## Only what the sources state"));
        Matcher m = Pattern.compile("```sparql\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(m.find(), "the section has its query");
        return m.group(1);
    }
}
