package org.psikg.cli;

import java.util.Locale;
import org.psikg.io.Progress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --progress} option of the commands that do long work, as a picocli mixin:
 * <pre>
 * &#64;Mixin ProgressOptions progress;
 * ...
 * try (Progress p = progress.start(spec, "build", articles, "articles")) { ... p.advance(1); ... }
 * </pre>
 */
final class ProgressOptions {
    static final String VARIABLE = "PSIKG_PROGRESS";

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "${env:" + VARIABLE + ":-auto}", converter = ModeConverter.class,
            description = "progress on standard error: bar (one line rewritten), lines (a line at each tenth), none, or auto: a bar on"
                    + " a terminal, else lines for 100 units or more (default: auto, or the " + VARIABLE + " environment variable)")
    Progress.Mode mode;

    /** The progress of {@code total} units of {@code task}, on the command's standard error. */
    Progress start(CommandSpec spec, String task, long total, String unit) {
        return Progress.start(spec.commandLine().getErr(), mode, task, total, unit);
    }

    /** auto, bar, lines or none, in any case. */
    static final class ModeConverter implements ITypeConverter<Progress.Mode> {
        @Override
        public Progress.Mode convert(String value) {
            try {
                return Progress.Mode.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("not one of auto, bar, lines, none: " + value);
            }
        }
    }
}
