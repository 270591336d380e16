package org.psikg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli.md against picocli's own model of the command line: every command has a section
 * ("## NAME"), and every option of a command (mixins included; not --help and --version) is
 * named in its section, or, for serve and publish, in the page they link to (server.md,
 * scaling.md), so that an option added to the code and not to the docs fails here.
 */
class CliDocsTest {
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
