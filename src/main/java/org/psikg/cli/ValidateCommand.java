package org.psikg.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.psikg.error.InputException;
import org.psikg.io.Progress;
import org.psikg.io.AtomicFiles;
import org.psikg.rdf.GraphSource;
import org.psikg.validate.EvidenceLint;
import org.psikg.validate.Report;
import org.psikg.validate.Severity;
import org.psikg.validate.ShapeInfo;
import org.psikg.validate.SourceIndex;
import org.psikg.validate.Validator;
import org.psikg.validate.report.ReportFormat;
import org.psikg.vocab.Prefixes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code psikg validate}: SHACL, cross-node rules and OWL RL consistency, reported for CI. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate the graph against the shapes; exit 0 if it conforms, 1 if not.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GraphSourceOptions graph;

    @Option(names = "--shapes", paramLabel = "DIR", defaultValue = "shapes", description = "the folder of SHACL shapes (default: ${DEFAULT-VALUE})")
    Path shapes;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, turtle, junit or sarif (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "write the report to this file instead of standard output")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "violation", converter = SeverityConverter.class,
            description = "the least severity that fails: violation, warning or info (default: ${DEFAULT-VALUE})")
    Severity failOn;

    static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    @Option(names = "--source-root", defaultValue = ".", paramLabel = "DIR",
            description = "the repository root, which SARIF's file URIs are relative to (default: the current folder)")
    Path sourceRoot;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--whole-union", hidden = true,
            description = "validate every rule over one union graph, the way before per-article validation (for comparison)")
    boolean wholeUnion;

    @Override
    public Integer call() throws IOException {
        if (output != null) {
            try {
                AtomicFiles.checkTargets(List.of(output));
            } catch (InputException e) {
                return Errors.report(spec, e);
            }
        }
        Report report;
        PrefixMapping prefixes = Prefixes.common();
        Map<Node, ShapeInfo> shapeInfo = Map.of();
        try {
            Validator validator = Validator.load(shapes);
            shapeInfo = validator.shapes();
            GraphSource source = graph.source();
            // An N-Quads file is streamed, never held whole: per article, as the dumps are sorted by graph.
            boolean stream = !wholeUnion && source instanceof GraphSource.DataFile f && f.path().toString().endsWith(".nq");
            try (GraphSource.Opened g = stream ? new GraphSource.Opened(null, prefixes, false) : source.open()) {
                IntFunction<Progress> perArticle = articles -> progress.start(spec, "validate", articles, "articles");
                Report validated = stream ? validator.validate(source.path(), perArticle)
                        : g.read(() -> wholeUnion ? validator.validateUnion(g.dataset()) : validator.validate(g.dataset(), perArticle));
                // From seeds, the evidence lint runs too: it reads the corpus, which a dataset file or a store does not have.
                report = g.corpus() == null ? validated : validated.with(EvidenceLint.INFO, EvidenceLint.check(g.corpus()))
                        .relocated(SourceIndex.of(g.corpus(), source.path()));
                prefixes = g.prefixes();
            }
        } catch (InputException e) {
            report = Report.ofInputErrors(e.errors(), shapeInfo);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        format.write(report, failOn, prefixes, sourceRoot, bytes);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Input errors always go to standard error, as every command prints them; a text report
        // on standard output would only repeat them.
        report.inputErrors().forEach(e -> err.println(e.format()));
        boolean repeatsErrors = output == null && format == ReportFormat.text && !report.inputErrors().isEmpty();
        if (output == null && !repeatsErrors) {
            out.print(bytes.toString(StandardCharsets.UTF_8));
            out.flush();
        } else if (output != null) {
            AtomicFiles.write(output, o -> o.write(bytes.toByteArray()));
            var counts = report.countBySeverity();
            out.printf("wrote %s: %d violation(s), %d warning(s), %d info%s%n", output,
                    counts.getOrDefault(Severity.VIOLATION, 0), counts.getOrDefault(Severity.WARNING, 0),
                    counts.getOrDefault(Severity.INFO, 0),
                    report.inputErrors().isEmpty() ? "" : ", " + report.inputErrors().size() + " input error(s)");
        }
        if (!report.inputErrors().isEmpty()) {
            err.printf("psikg: %d error(s) in the input; no shape was checked%n", report.inputErrors().size());
            return ExitCodes.BAD_INPUT;
        }
        return report.conforms(failOn) ? ExitCodes.OK : ExitCodes.NOT_CONFORMING;
    }
}
