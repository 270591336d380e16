package org.psikg.cli;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.atlas.iterator.Iter;
import org.psikg.error.InputException;
import org.psikg.io.Progress;
import org.psikg.rdf.GraphSource;
import org.psikg.store.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psikg publish}: every named graph to a Graph Store Protocol endpoint (docs/scaling.md). */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "PUT every named graph to a SPARQL 1.1 Graph Store Protocol endpoint; exit 1 if it refuses one.")
final class PublishCommand implements Callable<Integer> {
    static final String PASSWORD_VARIABLE = "PSIKG_PUBLISH_PASSWORD";

    @Spec
    CommandSpec spec;

    @Mixin
    GraphSourceOptions graph;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--to", paramLabel = "URL", required = true, description = "the Graph Store Protocol endpoint, e.g. http://localhost:3030/ds/data")
    String to;

    @Option(names = "--graph-param", paramLabel = "NAME", defaultValue = "graph",
            description = "the query parameter that names the graph; graph-uri for Virtuoso (default: ${DEFAULT-VALUE})")
    String graphParam;

    @Option(names = "--user", paramLabel = "U", description = "user name for HTTP Basic authentication")
    String user;

    @Option(names = "--password", paramLabel = "P", description = "password for HTTP Basic authentication (default: the " + PASSWORD_VARIABLE
            + " environment variable, which keeps it out of the process list)")
    String password;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "600",
            description = "the longest each request may take, connecting, sending and answering, in seconds (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        URI endpoint = HttpUrls.parse(to);
        if (endpoint == null) {
            err.println("psikg: --to must be an http or https URL: " + to);
            return ExitCodes.BAD_INPUT;
        }
        if (timeoutSeconds <= 0) {
            err.println("psikg: --timeout must be a positive number of seconds: " + timeoutSeconds);
            return ExitCodes.BAD_INPUT;
        }
        if (user != null && Publisher.sendsCredentialsInClear(endpoint)) {
            err.println("psikg: warning: --user over plain http: the password crosses the network unencrypted to "
                    + endpoint.getHost() + "; use https");
        }
        String pw = password != null ? password : System.getenv(PASSWORD_VARIABLE);
        Publisher publisher = new Publisher(endpoint, graphParam, user, pw).withTimeout(Duration.ofSeconds(timeoutSeconds));
        List<Publisher.Outcome> outcomes;
        try (GraphSource.Opened g = graph.source().open()) {
            outcomes = g.read(() -> {
                try (Progress p = progress.start(spec, "publish", Iter.count(g.dataset().listGraphNodes()), "graphs")) {
                    return publisher.publish(g.dataset(), p);
                }
            });
        } catch (InputException e) {
            return Errors.report(spec, e);
        }
        long refused = 0;
        for (Publisher.Outcome o : outcomes) {
            if (o.ok()) {
                out.printf("  %3d  %8d  %s%s%n", o.status(), o.triples(), o.graph(), o.parts() > 1 ? " (in " + o.parts() + " parts)" : "");
            } else {
                refused++;
                err.printf("psikg: %s refused %s (%s): %s%n", endpoint, o.graph(),
                        o.status() == 0 ? "unreachable" : "HTTP " + o.status(), o.message());
            }
        }
        out.printf("%d of %d graphs published to %s%n", outcomes.size() - refused, outcomes.size(), endpoint);
        return refused == 0 ? ExitCodes.OK : ExitCodes.NOT_CONFORMING;
    }
}
