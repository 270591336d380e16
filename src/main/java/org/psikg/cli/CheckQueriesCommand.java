package org.psikg.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.psikg.error.InputException;
import org.psikg.io.AtomicFiles;
import org.psikg.query.QueryCheck;
import org.psikg.query.QueryFile;
import org.psikg.query.QueryRunner;
import org.psikg.query.RemoteEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psikg check-queries}: the competency questions as a regression suite, here or on any SPARQL endpoint. */
@Command(name = "check-queries", mixinStandardHelpOptions = true,
        description = "Run every query of the queries folder and compare with its expected results; exit 1 on any drift.")
final class CheckQueriesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = "--queries", paramLabel = "DIR", defaultValue = "queries", description = "the queries folder (default: ${DEFAULT-VALUE})")
    Path queries;

    @Option(names = "--update", description = "rewrite the expected files from the current answers (after a deliberate change)")
    boolean update;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "ask this SPARQL 1.1 query endpoint (another store the graph was published to) instead of building the graph")
    String endpoint;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "with --endpoint: how long to wait for each answer (default: ${DEFAULT-VALUE})")
    int timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        URI target = null;
        if (endpoint != null) {
            target = HttpUrls.parse(endpoint);
            if (target == null) {
                err.println("psikg: --endpoint must be an http or https URL: " + endpoint);
                return ExitCodes.BAD_INPUT;
            }
            if (update) {
                err.println("psikg: --update rewrites the expected files from psikg's own answers; it does not go with --endpoint");
                return ExitCodes.BAD_INPUT;
            }
        }
        try {
            List<QueryFile> files = new ArrayList<>();
            for (Path p : QueryRunner.queryFiles(queries)) {
                files.add(QueryFile.read(p));
            }
            return target == null ? local(files) : remote(files, new RemoteEndpoint(target, Duration.ofSeconds(timeout)));
        } catch (InputException e) {
            return Errors.report(spec, e);
        }
    }

    private int local(List<QueryFile> files) throws java.io.IOException {
        QueryRunner runner = QueryRunner.over(corpus.build());
        PrintWriter out = spec.commandLine().getOut();
        int drifted = 0;
        for (QueryFile file : files) {
            QueryCheck.Outcome o = QueryCheck.check(file, runner);
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
        out.printf("%d queries, %d %s%n", files.size(), drifted, update ? "rewritten" : "drifted");
        return drifted > 0 && !update ? ExitCodes.NOT_CONFORMING : ExitCodes.OK;
    }

    /** Every query against the store, each with its verdict: agrees, differs (with the diff), or failed (status and message). */
    private int remote(List<QueryFile> files, RemoteEndpoint store) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        int differ = 0;
        int failed = 0;
        for (QueryFile file : files) {
            RemoteEndpoint.Reply reply = store.ask(file.text(), file.query().isAskType());
            if (!reply.ok()) {
                failed++;
                out.printf("%s: failed (%s): %s%n", file.path(), reply.status() == 0 ? "unreachable" : "HTTP " + reply.status(),
                        reply.message());
                continue;
            }
            QueryCheck.Outcome o = QueryCheck.check(file, reply.answer(), true);
            if (o.drift().isEmpty()) {
                out.printf("%s: agrees%n", file.path());
            } else {
                differ++;
                out.printf("%s: differs%n", file.path());
                o.drift().forEach(line -> out.printf("  %s%n", line));
            }
        }
        out.printf("%d queries against %s: %d agree, %d differ, %d failed%n", files.size(), store.uri(),
                files.size() - differ - failed, differ, failed);
        return differ + failed > 0 ? ExitCodes.NOT_CONFORMING : ExitCodes.OK;
    }
}
