package org.psikg.corpus;

import org.psikg.corpus.anchor.Anchor;

/** An annotation and the one place of its text its quote matched. */
public record AnchoredAnnotation(Annotation annotation, Anchor anchor) {
}
