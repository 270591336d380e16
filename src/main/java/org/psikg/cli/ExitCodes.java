package org.psikg.cli;

/** The exit codes of every psikg command (docs/cli.md). */
public final class ExitCodes {
    /** Success, or the data conforms. */
    public static final int OK = 0;
    /** The data does not conform. */
    public static final int NOT_CONFORMING = 1;
    /** Bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** Internal error: a bug in psikg. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
