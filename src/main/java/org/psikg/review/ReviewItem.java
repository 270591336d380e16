package org.psikg.review;

import java.util.List;
import org.apache.jena.graph.Node;

/**
 * One statement as a reviewer sees it: its id (the hash its IRI ends with), the article it
 * comes from, its kind, its triple, its assertion mode, and the quotes it rests on.
 *
 * @param mode      the local name of its psi:assertionMode ("Stated", "Reading", "Hedged"), or "none"
 * @param modality  for a hedged statement, its modalities and the source's words ("Possible: may"), else empty
 */
public record ReviewItem(String id, Node statement, String article, StatementKind kind, Node subject, Node predicate, Node object,
                         String mode, List<String> modality, List<Quote> quotes) {

    /** A quote in its context, with the place of its annotation ({@code file} may be null for data not from seeds). */
    public record Quote(Node annotation, String prefix, String exact, String suffix, String file, int line) {
    }
}
