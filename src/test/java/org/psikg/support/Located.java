package org.psikg.support;

import org.psikg.error.InputError;
import org.psikg.error.InputException;


/**
 * What the fuzz tests require of a refusal: an {@link InputException} whose every error names
 * the file being read, a line and a column from 1, a message and a documented code.
 */
public final class Located {
    private Located() {
    }

    /** Throws an AssertionError (a finding for Jazzer) unless {@code e} is a located refusal of {@code file}. */
    public static void check(InputException e, String file) {
        check(e, file, true);
    }

    /**
     * As {@link #check(InputException, String)}, but allowing errors that name only the file
     * when {@code lines} is false (JSON-LD processing errors come without a position).
     */
    public static void check(InputException e, String file, boolean lines) {
        if (e.errors().isEmpty()) {
            throw new AssertionError("an InputException without errors", e);
        }
        for (InputError error : e.errors()) {
            boolean placed = error.location().line() >= 1 && error.location().column() >= 1;
            if (!error.location().file().equals(file) || (lines && !placed)
                    || error.message() == null || error.message().isBlank() || error.code() == null) {
                throw new AssertionError("error not located in " + file + ": " + error.format(), e);
            }
        }
    }
}
