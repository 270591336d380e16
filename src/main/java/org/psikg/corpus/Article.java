package org.psikg.corpus;

import java.util.List;
import org.psikg.corpus.anchor.Anchor;

/**
 * An article with its text and its annotations, every quote anchored.
 *
 * @param textFile       the text's file name relative to the seeds folder
 * @param annotationFile the annotation file as "SEEDS/NAME.yaml", SEEDS being the seeds
 *                       folder's own name: the same wherever the build runs
 * @param sha256   the checksum of the text's bytes, which matched the annotation file's
 */
public record Article(ArticleMeta meta, String textFile, String annotationFile, String text, String sha256,
                      List<Anchor> furniture, List<AnchoredAnnotation> annotations) {

    public String id() {
        return meta.id();
    }

    /** The number of Unicode code points of the text. */
    public int length() {
        return text.codePointCount(0, text.length());
    }
}
