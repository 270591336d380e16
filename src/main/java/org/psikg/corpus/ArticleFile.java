package org.psikg.corpus;

import java.util.List;

/** An annotation file as read, before its quotes are anchored. */
public record ArticleFile(String name, ArticleMeta meta, List<Furniture> furniture, List<Annotation> annotations) {
}
