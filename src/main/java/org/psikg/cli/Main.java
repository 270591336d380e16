package org.psikg.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code psikg} command line: {@code java -jar target/psikg.jar <command>}. */
@Command(name = "psikg", mixinStandardHelpOptions = true, version = "psikg 0.1.0",
        description = "The Post-Soviet Integration Knowledge Graph: build, validate and serve it.",
        subcommands = {BuildCommand.class, GenerateCommand.class, StatsCommand.class, ValidateCommand.class, QueryCommand.class,
                CheckQueriesCommand.class, ReviewCommand.class,
                ServeCommand.class,
                PublishCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
    }

    /** Runs a command line and returns its exit code; {@link #main} is the only caller of System.exit. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("psikg: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return ExitCodes.INTERNAL;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }
}
