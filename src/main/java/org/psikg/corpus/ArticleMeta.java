package org.psikg.corpus;

import java.util.List;
import org.psikg.error.Location;

/**
 * What an annotation file says of its article.
 *
 * @param sha256    the checksum the annotations were written against
 * @param genre     a schema.org type local name ("NewsArticle", "Article", ...)
 * @param published a date as written, or {@code null}
 */
public record ArticleMeta(String id, Token sha256, String title, List<Token> authors, Token publisher,
                          Token genre, String language, Token published, Location location) {
}
