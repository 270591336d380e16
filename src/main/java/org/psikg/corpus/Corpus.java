package org.psikg.corpus;

import java.util.List;

/**
 * The whole input: the registry and every annotated article, sorted by article id.
 *
 * @param unannotated text files that have no annotation file yet (not loaded)
 */
public record Corpus(Registry registry, List<Article> articles, List<String> unannotated) {
}
