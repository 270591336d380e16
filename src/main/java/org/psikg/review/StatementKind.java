package org.psikg.review;

import java.util.Locale;

/**
 * What a statement is about, by the class of its subject, for the precision report: the
 * analytic layer (factors, instrument uses, claims) apart from the facts. The first that fits
 * wins, in this order.
 */
public enum StatementKind {
    CLAIM("Claim"), INSTRUMENT_USE("InstrumentUse"), CONCESSION("Concession"), STATISTIC("Statistic"),
    MEMBERSHIP("Membership"), FACTOR("InfluenceFactor"), INSTRUMENT("PowerInstrument"), EVENT("Event"),
    PROJECT("IntegrationProject"), ACTOR("Actor"), OTHER(null);

    private final String psiClass;

    StatementKind(String psiClass) {
        this.psiClass = psiClass;
    }

    /** The psi: class whose instances (and its subclasses') are of this kind, or {@code null} for {@link #OTHER}. */
    public String psiClass() {
        return psiClass;
    }

    /** "instrument use", "factor"... */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
