package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/cli.md against picocli's own model of the command line: every command has a section
 * ("## NAME"), and every option of a command (mixins included; not --help and --version) is
 * named in its section, or, for serve and publish, in the page they link to (server.md,
 * scaling.md), so that an option added to the code and not to the docs fails here. Its last
 * part, the reference of every option with its default and its help, is generated from that
 * model: it fails here when it differs, and {@code -Dcli.docs.update=true} rewrites it.
 */
class CliDocsTest {
    private static final Path DOC = Path.of("docs/cli.md");
    static final String BEGIN = "<!-- Generated from picocli's model by CliDocsTest; to rewrite it after changing an option:"
            + " mvn test -Dtest=CliDocsTest -Dcli.docs.update=true -->";
    static final String END = "<!-- End of the generated reference. -->";
    private static final Pattern DEFAULT = Pattern.compile("\\s*\\(default: ([^)]*)\\)");

    private static final Map<String, String> DETAILED_ELSEWHERE = Map.of("serve", "docs/server.md", "publish", "docs/scaling.md");

    @Test
    void everyCommandAndOptionIsDocumented() throws Exception {
        Map<String, String> sections = sections(Files.readString(Path.of("docs/cli.md")));
        CommandLine psikg = new CommandLine(new Main());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : psikg.getSubcommands().entrySet()) {
            String name = e.getKey();
            if (name.equals("help")) {
                continue;
            }
            String doc = sections.get(name);
            if (doc == null) {
                missing.add("## " + name);
                continue;
            }
            if (DETAILED_ELSEWHERE.containsKey(name)) {
                doc += Files.readString(Path.of(DETAILED_ELSEWHERE.get(name)));
            }
            CommandSpec spec = e.getValue().getCommandSpec();
            for (OptionSpec option : spec.options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                if (!doc.contains("`" + option.longestName())  && !doc.contains(option.longestName() + " ")
                        && !doc.contains(option.longestName() + "`") && !doc.contains("[" + option.longestName())) {
                    missing.add(name + " " + option.longestName());
                }
            }
        }
        assertEquals(List.of(), missing, "commands or options that docs/cli.md does not document");
    }

    @Test
    void theOptionsReferenceIsPicoclisOwn() throws Exception {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/cli.md has no generated reference between " + BEGIN + " and " + END);
        String generated = "\n" + reference();
        if (Boolean.getBoolean("cli.docs.update")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + generated + doc.substring(end));
            return;
        }
        assertEquals(generated, doc.substring(begin + BEGIN.length(), end),
                "docs/cli.md's reference of the options is not the code's: mvn test -Dtest=CliDocsTest -Dcli.docs.update=true");
    }

    /** Every command's options as Markdown tables: name and parameter, default, help (as --help prints it). */
    static String reference() {
        StringBuilder out = new StringBuilder();
        CommandLine psikg = new CommandLine(new Main());
        for (Map.Entry<String, CommandLine> e : psikg.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            CommandSpec spec = e.getValue().getCommandSpec();
            out.append("\n### psikg ").append(e.getKey()).append("\n\n")
                    .append(String.join(" ", spec.usageMessage().description())).append("\n\n");
            out.append("| option | default | meaning |\n|---|---|---|\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                out.append("| `").append(p.paramLabel()).append("` | (required) | ").append(cell(String.join(" ", p.description())))
                        .append(" |\n");
            }
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                String help = String.join(" ", o.description());
                String value = o.required() ? "(required)" : o.defaultValue() == null ? "" : "`" + o.defaultValue() + "`";
                Matcher m = DEFAULT.matcher(help);
                if (m.find()) {
                    if (!m.group(1).contains("${DEFAULT-VALUE}")) {
                        value = m.group(1);
                    }
                    help = help.substring(0, m.start()) + help.substring(m.end());
                }
                String name = o.longestName() + (o.typeInfo().isBoolean() ? "" : " " + o.paramLabel());
                out.append("| `").append(name).append("` | ").append(cell(value)).append(" | ").append(cell(help)).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private static Map<String, String> sections(String markdown) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("## ")) {
                if (current != null) {
                    out.put(current, text.toString());
                }
                current = line.substring(3).strip();
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            out.put(current, text.toString());
        }
        return out;
    }
}
