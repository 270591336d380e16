package org.psikg.cli;

import org.psikg.error.InputError;
import org.psikg.error.InputException;
import picocli.CommandLine.Model.CommandSpec;

/** Prints input errors the one way psikg prints them, and gives the exit code for them. */
final class Errors {
    private Errors() {
    }

    static int report(CommandSpec spec, InputException e) {
        var err = spec.commandLine().getErr();
        for (InputError error : e.errors()) {
            err.println(error.format());
        }
        err.printf("psikg: %d error(s); nothing written%n", e.errors().size());
        return ExitCodes.BAD_INPUT;
    }
}
