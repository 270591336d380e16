package org.psikg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A test corpus made from the base fixture (src/test/resources/fixtures/base) and a case
 * folder that changes it: files in the case folder replace those of the base, and its
 * case.yaml may delete files or edit them ({@code replace}: find a string, put another or
 * raw bytes in its place, {@code repeat} times over, so that a case can make a file of
 * 10,000 nested brackets without committing it).
 */
public final class Fixture {
    public static final Path RESOURCES = Path.of("src/test/resources");
    public static final Path BASE = RESOURCES.resolve("fixtures/base");

    private Fixture() {
    }

    /** Copies the base into {@code dir}, applies the case folder, returns its case.yaml as a map. */
    public static Map<String, Object> materialise(Path caseDir, Path dir) {
        copyTree(BASE, dir);
        return apply(caseDir, dir);
    }

    /** Applies a case folder to a corpus already in {@code dir}; returns its case.yaml as a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> apply(Path caseDir, Path dir) {
        Path caseFile = caseDir.resolve("case.yaml");
        try (Stream<Path> files = Files.walk(caseDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = caseDir.relativize(f).toString();
                if (!rel.equals("case.yaml") && !rel.startsWith("expected") && !rel.endsWith(".trig")) {
                    copy(f, dir.resolve(rel));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(caseFile)) {
            return Map.of();
        }
        Map<String, Object> spec;
        try {
            spec = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(caseFile));
            for (String del : (List<String>) spec.getOrDefault("delete", List.of())) {
                Files.delete(dir.resolve(del));
            }
            for (Map<String, Object> r : (List<Map<String, Object>>) spec.getOrDefault("replace", List.of())) {
                Path target = dir.resolve((String) r.get("file"));
                byte[] bytes = Files.readAllBytes(target);
                byte[] find = ((String) r.get("find")).getBytes(StandardCharsets.UTF_8);
                byte[] with = r.containsKey("hex") ? HexFormat.of().parseHex((String) r.get("hex"))
                        : ((String) r.get("with")).getBytes(StandardCharsets.UTF_8);
                int times = ((Number) r.getOrDefault("repeat", 1)).intValue();
                Files.write(target, replace(bytes, find, repeat(with, times), target));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spec;
    }

    private static byte[] repeat(byte[] bytes, int times) {
        byte[] out = new byte[bytes.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(bytes, 0, out, i * bytes.length, bytes.length);
        }
        return out;
    }

    private static byte[] replace(byte[] hay, byte[] find, byte[] with, Path file) {
        for (int i = 0; i + find.length <= hay.length; i++) {
            if (java.util.Arrays.equals(hay, i, i + find.length, find, 0, find.length)) {
                byte[] out = new byte[hay.length - find.length + with.length];
                System.arraycopy(hay, 0, out, 0, i);
                System.arraycopy(with, 0, out, i, with.length);
                System.arraycopy(hay, i + find.length, out, i + with.length, hay.length - i - find.length);
                return out;
            }
        }
        throw new IllegalArgumentException("case.yaml: '" + new String(find, StandardCharsets.UTF_8) + "' not found in " + file);
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                copy(f, to.resolve(from.relativize(f).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path f, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML list of test cases, such as src/test/resources/anchor/cases.yaml. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> yamlCases(String file) {
        try {
            return (List<Map<String, Object>>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(RESOURCES.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sub-folders of a folder of cases, sorted: one dynamic test each. */
    public static List<Path> cases(String folder) {
        try (Stream<Path> dirs = Files.list(RESOURCES.resolve(folder))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
