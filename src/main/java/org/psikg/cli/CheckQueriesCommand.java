package org.psikg.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.psikg.error.InputException;
import org.psikg.io.AtomicFiles;
import org.psikg.query.QueryCheck;
import org.psikg.query.QueryFile;
import org.psikg.query.QueryRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psikg check-queries}: the competency questions as a regression suite. */
@Command(name = "check-queries", mixinStandardHelpOptions = true,
        description = "Run every query of the queries folder and compare with its expected results; exit 1 on any drift.")
final class CheckQueriesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = "--queries", defaultValue = "queries", description = "the queries folder (default: ${DEFAULT-VALUE})")
    Path queries;

    @Option(names = "--update", description = "rewrite the expected files from the current answers (after a deliberate change)")
    boolean update;

    @Override
    public Integer call() throws Exception {
        List<QueryCheck.Outcome> outcomes = new ArrayList<>();
        try {
            QueryRunner runner = QueryRunner.over(corpus.build());
            for (Path p : QueryRunner.queryFiles(queries)) {
                outcomes.add(QueryCheck.check(QueryFile.read(p), runner));
            }
        } catch (InputException e) {
            return Errors.report(spec, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        int drifted = 0;
        for (QueryCheck.Outcome o : outcomes) {
            if (o.drift().isEmpty()) {
                continue;
            }
            drifted++;
            if (update) {
                String json = (o.file().ordered() ? o.actual() : o.actual().sorted()).json();
                AtomicFiles.write(o.file().expected(), s -> s.write(json.getBytes(StandardCharsets.UTF_8)));
                out.printf("%s: expected results rewritten%n", o.file().path());
            } else {
                out.printf("%s: drift%n", o.file().path());
                o.drift().forEach(line -> out.printf("  %s%n", line));
            }
        }
        out.printf("%d queries, %d %s%n", outcomes.size(), drifted, update ? "rewritten" : "drifted");
        return drifted > 0 && !update ? ExitCodes.NOT_CONFORMING : ExitCodes.OK;
    }
}
