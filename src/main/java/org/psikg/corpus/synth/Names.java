package org.psikg.corpus.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.psikg.corpus.synth.internal.RawYaml;

/** Given and family names of the registry's people (English and Russian), recombined into new people. */
final class Names {
    private final List<String[]> given = new ArrayList<>();
    private final List<String[]> family = new ArrayList<>();
    private final Map<String, String> english = new LinkedHashMap<>();

    static Names of(List<Map<String, Object>> registries) {
        Names names = new Names();
        for (Map<String, Object> registry : registries) {
            RawYaml.map(registry.get("entities")).forEach((key, value) -> {
                Map<String, Object> e = RawYaml.map(value);
                Map<String, Object> label = RawYaml.map(e.get("label"));
                String en = String.valueOf(label.get("en"));
                names.english.put(key, en);
                String[] enParts = en.split(" ");
                String[] ruParts = String.valueOf(label.get("ru")).split(" ");
                if (RawYaml.list(e.get("type")).contains("Person") && enParts.length == 2 && ruParts.length == 2
                        && en.matches("\\p{Lu}\\p{Ll}+ \\p{Lu}[\\p{Ll}'-]+")) {
                    names.given.add(new String[] {enParts[0], ruParts[0]});
                    names.family.add(new String[] {enParts[1], ruParts[1]});
                }
            });
        }
        if (names.given.isEmpty()) {
            names.given.add(new String[] {"Anna", "Анна"});
            names.family.add(new String[] {"Ivanova", "Иванова"});
        }
        return names;
    }

    /** A new person's name: {English, Russian}. */
    String[] person(SplittableRandom random) {
        String[] g = given.get(random.nextInt(given.size()));
        String[] f = family.get(random.nextInt(family.size()));
        return new String[] {g[0] + " " + f[0], g[1] + " " + f[1]};
    }

    /** The English label of a registry key (the key itself when it has none). */
    String english(String key) {
        return english.getOrDefault(key, key);
    }
}
