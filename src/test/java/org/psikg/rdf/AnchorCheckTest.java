package org.psikg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;
import org.psikg.support.Queries;
import org.psikg.support.SeedBuild;
import org.psikg.vocab.PSI;

/**
 * Checks the built seeds without the loader's own code: for every TextPositionSelector, the
 * code-point slice of the article text read from disk equals the TextQuoteSelector's exact;
 * and every article's recorded sha256 is that of its text file.
 */
class AnchorCheckTest {

    @Test
    void everyPositionSelectsItsExactQuote() throws Exception {
        List<QuerySolution> rows = Queries.select(SeedBuild.dataset(), "position-selectors");
        assertFalse(rows.isEmpty(), "no selectors in the build");
        List<String> wrong = new ArrayList<>();
        for (QuerySolution row : rows) {
            int[] text = Files.readString(Path.of("seeds", row.getLiteral("textFile").getString()), StandardCharsets.UTF_8)
                    .codePoints().toArray();
            int start = row.getLiteral("start").getInt();
            int end = row.getLiteral("end").getInt();
            String slice = new String(text, start, end - start);
            if (!slice.equals(row.getLiteral("exact").getString())) {
                wrong.add(row.getResource("annotation") + ": [" + start + "," + end + ") is \"" + slice + "\"");
            }
            assertEquals(PSI.UnicodeCodePoint.getURI(), row.getResource("unit").getURI());
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyArticleRecordsTheChecksumOfItsText() throws Exception {
        List<QuerySolution> rows = Queries.select(SeedBuild.dataset(), "article-checksums");
        assertFalse(rows.isEmpty());
        for (QuerySolution row : rows) {
            byte[] bytes = Files.readAllBytes(Path.of("seeds", row.getLiteral("textFile").getString()));
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertEquals(sha, row.getLiteral("sha256").getString(), row.getResource("article").getURI());
        }
    }
}
