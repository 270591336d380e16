package org.psikg.corpus;

import org.psikg.error.Location;

import java.util.Arrays;
import java.util.Locale;

/**
 * How an annotation's quote supports one of its statements, as the annotator marked it:
 * stated outright (the default), the annotator's reading, or hedged by the source itself, in
 * which case the source's modality and its own words are kept.
 * <pre>
 * Assertion a = Assertion.hedged(Assertion.Modality.PROBABLE, "most likely", at);
 * a.mode() == Assertion.Mode.HEDGED;
 * </pre>
 *
 * @param modality the hedge's kind, only for {@link Mode#HEDGED}
 * @param hedge    the source's hedging words as the quote has them, only for {@link Mode#HEDGED}
 * @param location where the mode was written, or {@code null} for the default
 */
public record Assertion(Mode mode, Modality modality, String hedge, Location location) {
    /** The default: a statement the quote says outright. */
    public static final Assertion STATED = new Assertion(Mode.STATED, null, null, null);

    public enum Mode {
        STATED("Stated", 2), READING("Reading", 0), HEDGED("Hedged", 1);

        private final String term;
        private final int strength;

        Mode(String term, int strength) {
            this.term = term;
            this.strength = strength;
        }

        /** A statement several quotes support takes the strongest mode among them: stated, then hedged, then reading. */
        public static Mode strongest(Mode a, Mode b) {
            return a.strength >= b.strength ? a : b;
        }

        /** The local name of the psi: individual. */
        public String term() {
            return term;
        }

        /** As written in an annotation file: {@code stated}, {@code reading}, {@code hedged}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Modality {
        PROBABLE("Probable"), POSSIBLE("Possible"), APPARENT("Apparent"), PARTIAL("Partial");

        private final String term;

        Modality(String term) {
            this.term = term;
        }

        public String term() {
            return term;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Assertion {
        if ((mode == Mode.HEDGED) != (modality != null)) {
            throw new IllegalArgumentException("a modality goes with a hedged statement, and only there");
        }
    }

    public static Assertion reading(Location at) {
        return new Assertion(Mode.READING, null, null, at);
    }

    public static Assertion hedged(Modality modality, String hedge, Location at) {
        return new Assertion(Mode.HEDGED, modality, hedge, at);
    }

    /** The words an annotation file accepts, for hints: "stated, reading, hedged". */
    static String words(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }
}
