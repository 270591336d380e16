package org.psikg.review;

import java.util.Locale;
import org.psikg.error.Location;

/**
 * A reviewer's judgement of one statement against its quotes.
 *
 * @param statement the statement's id, {@code ARTICLE-ID/HASH}
 * @param note      the reviewer's reason, or {@code null}
 */
public record Verdict(String statement, Judgement judgement, String note, Location location) {

    /** Said outright by the quote; a fair reading it does not say; not supported by it; contradicted by the text. */
    public enum Judgement {
        STATED, READING, UNSUPPORTED, WRONG;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
