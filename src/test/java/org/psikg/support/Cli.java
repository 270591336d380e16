package org.psikg.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.psikg.cli.Main;

/** Runs the psikg command line in-process, capturing what it prints. */
public final class Cli {
    private Cli() {
    }

    public record Result(int exit, String out, String err) {
        public String both() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }
}
