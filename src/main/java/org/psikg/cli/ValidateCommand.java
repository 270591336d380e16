package org.psikg.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.jena.shared.PrefixMapping;
import org.psikg.error.InputException;
import org.psikg.io.AtomicFiles;
import org.psikg.rdf.GraphSource;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.validate.Report;
import org.psikg.validate.Severity;
import org.psikg.validate.Validator;
import org.psikg.validate.report.ReportFormat;
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

    @Option(names = "--shapes", defaultValue = "shapes", description = "the folder of SHACL shapes (default: ${DEFAULT-VALUE})")
    Path shapes;

    @Option(names = "--format", defaultValue = "text", description = "text, turtle, junit or sarif (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = "--output", description = "write the report to this file instead of standard output")
    Path output;

    @Option(names = "--fail-on", defaultValue = "violation", converter = SeverityConverter.class,
            description = "the least severity that fails: violation, warning or info (default: ${DEFAULT-VALUE})")
    Severity failOn;

    static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public Integer call() throws IOException {
        Report report;
        PrefixMapping prefixes;
        try {
            Validator validator = Validator.load(shapes);
            GraphSource source = graph.source();
            if (source instanceof GraphSource.Seeds seeds) {
                // From seeds, the evidence lint runs too: it reads the corpus, which the other sources do not have.
                KnowledgeGraph kg = KnowledgeGraph.build(seeds.path(), seeds.ontology());
                report = validator.validate(kg);
                prefixes = kg.prefixes();
            } else {
                try (GraphSource.Opened g = source.open()) {
                    report = g.read(() -> validator.validate(g.dataset()));
                    prefixes = g.prefixes();
                }
            }
        } catch (InputException e) {
            return Errors.report(spec, e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        format.write(report, failOn, prefixes, bytes);
        if (output == null) {
            spec.commandLine().getOut().print(bytes.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.write(output, out -> out.write(bytes.toByteArray()));
            var counts = report.countBySeverity();
            spec.commandLine().getOut().printf("wrote %s: %d violation(s), %d warning(s), %d info%n", output,
                    counts.getOrDefault(Severity.VIOLATION, 0), counts.getOrDefault(Severity.WARNING, 0),
                    counts.getOrDefault(Severity.INFO, 0));
        }
        return report.conforms(failOn) ? ExitCodes.OK : ExitCodes.NOT_CONFORMING;
    }
}
