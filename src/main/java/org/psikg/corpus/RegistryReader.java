package org.psikg.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.psikg.corpus.yaml.MapView;
import org.psikg.corpus.yaml.SafeYaml;
import org.psikg.corpus.yaml.YamlNode;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.error.Problems;

/** Reads the entity registry: every {@code *.yaml} file of a folder, each with an {@code entities} map. */
public final class RegistryReader {
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern WIKIDATA = Pattern.compile("Q[1-9][0-9]*");

    private RegistryReader() {
    }

    /** @param dirName how to name the folder in messages, e.g. "seeds/registry" */
    public static Registry read(Path dir, String dirName) {
        Problems problems = new Problems();
        Map<String, Entity> entities = new TreeMap<>();
        for (Path file : yamlFiles(dir, dirName)) {
            String name = dirName + "/" + file.getFileName();
            String recorded = dir.toAbsolutePath().getParent().getFileName() + "/registry/" + file.getFileName();
            try {
                for (Entity entity : file(SafeYaml.read(file, name), recorded, problems)) {
                    Entity previous = entities.putIfAbsent(entity.key(), entity);
                    if (previous != null) {
                        problems.add(InputError.of(entity.location(), ErrorCode.DUPLICATE_ENTITY, "entity '" + entity.key()
                                + "' is declared twice").withHint("first declared at " + previous.location()));
                    }
                }
            } catch (InputException ex) {
                problems.addAll(ex);
            }
        }
        problems.throwIfAny();
        return Registry.of(entities);
    }

    /**
     * The good entities of one registry file already parsed; the problems with the others go
     * to {@code problems}. The fuzz tests start here.
     *
     * @param recorded the file's name as the graph records it, e.g. "seeds/registry/core.yaml"
     */
    static List<Entity> file(YamlNode tree, String recorded, Problems problems) {
        MapView root = MapView.of(tree, "the registry file");
        Map<String, YamlNode.Entry> map = root.map("entities").node().entries();
        root.finish();
        List<Entity> entities = new ArrayList<>();
        for (YamlNode.Entry e : map.values()) {
            try {
                entities.add(entity(new Token(e.key(), e.keyLocation()), e.value(), recorded));
            } catch (InputException ex) {
                problems.addAll(ex);
            }
        }
        return entities;
    }

    private static List<Path> yamlFiles(Path dir, String dirName) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(InputError.of(Location.ofFile(dirName), ErrorCode.NO_REGISTRY,
                    "the entity registry folder is missing").withHint("create " + dirName + "/ with at least one .yaml file"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(InputError.of(Location.ofFile(dirName), ErrorCode.IO, "cannot list folder: " + e.getMessage()));
        }
    }

    private static Entity entity(Token key, YamlNode node, String sourceFile) {
        Slugs.check(key, "entity key");
        MapView m = MapView.of(node, "entity '" + key.text() + "'");
        List<Token> types = m.scalars("type").stream().map(s -> new Token(s.text(), s.location())).toList();
        if (types.isEmpty()) {
            throw MapView.error(m.location(), ErrorCode.MISSING_FIELD, "entity '" + key.text() + "' needs 'type'");
        }
        MapView labelMap = m.map("label");
        Map<String, String> labels = new LinkedHashMap<>();
        for (YamlNode.Entry e : labelMap.node().entries().values()) {
            checkLang(e);
            String label = labelMap.text(e.key());
            if (label.isBlank()) {
                throw MapView.error(labelMap.scalar(e.key()).location(), ErrorCode.MISSING_LABEL,
                        "entity '" + key.text() + "' has an empty label in '" + e.key() + "'");
            }
            labels.put(e.key(), label);
        }
        for (String required : List.of("en", "ru")) {
            if (!labels.containsKey(required)) {
                throw MapView.error(labelMap.location(), ErrorCode.MISSING_LABEL, "entity '" + key.text() + "' needs a label in '" + required + "'");
            }
        }
        Map<String, List<String>> alt = new LinkedHashMap<>();
        m.optMap("alt").ifPresent(altMap -> {
            for (YamlNode.Entry e : altMap.node().entries().values()) {
                checkLang(e);
                List<String> values = new ArrayList<>();
                altMap.scalars(e.key()).forEach(s -> values.add(s.text()));
                alt.put(e.key(), values);
            }
        });
        String note = m.optText("note").orElse(null);
        String wikidata = m.optScalar("wikidata").map(s -> {
            if (!WIKIDATA.matcher(s.text()).matches()) {
                throw MapView.error(s.location(), ErrorCode.BAD_WIKIDATA, "'" + s.text() + "' is not a Wikidata item id (Q followed by digits)");
            }
            return s.text();
        }).orElse(null);
        m.finish();
        return new Entity(key.text(), types, labels, alt, note, wikidata, key.location(), sourceFile);
    }

    private static void checkLang(YamlNode.Entry e) {
        if (!LANG.matcher(e.key()).matches()) {
            throw MapView.error(e.keyLocation(), ErrorCode.BAD_LANGUAGE, "'" + e.key() + "' is not a language tag (en, ru, ...)");
        }
    }
}
