package org.psikg.validate;

import java.util.Locale;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.vocabulary.SHACL;

/** SHACL's three severities, ordered: a threshold counts itself and everything above it. */
public enum Severity {
    INFO, WARNING, VIOLATION;

    public static Severity of(org.apache.jena.shacl.validation.Severity s) {
        return of(s.level());
    }

    /** From sh:Info, sh:Warning or sh:Violation; any other IRI is taken as a violation, as SHACL's default is. */
    public static Severity of(Node level) {
        if (SHACL.Info.equals(level)) {
            return INFO;
        }
        return SHACL.Warning.equals(level) ? WARNING : VIOLATION;
    }

    public Node iri() {
        return switch (this) {
            case INFO -> SHACL.Info;
            case WARNING -> SHACL.Warning;
            case VIOLATION -> SHACL.Violation;
        };
    }

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** "violation", "warning", "info". */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
