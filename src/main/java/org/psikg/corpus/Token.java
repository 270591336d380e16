package org.psikg.corpus;

import org.psikg.error.Location;


/** A word of the input (an entity key, a term, a value) and where it was written. */
public record Token(String text, Location location) {
    @Override
    public String toString() {
        return text;
    }
}
