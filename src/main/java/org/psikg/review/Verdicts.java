package org.psikg.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.psikg.corpus.yaml.MapView;
import org.psikg.corpus.yaml.SafeYaml;
import org.psikg.corpus.yaml.YamlNode;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.error.Problems;

/**
 * Reads the reviewers' verdict files, {@code seeds/review/*.yaml} (see docs/precision.md):
 * <pre>
 * reviewer: ada
 * sample: {size: 100, seed: 15}        # how the statements were drawn (optional)
 * verdicts:
 *   - {statement: ARTICLE-ID/HASH, verdict: stated}
 *   - {statement: ARTICLE-ID/HASH, verdict: reading, note: the quote says "can be considered"}
 * </pre>
 * Every malformed entry, unknown verdict and statement judged twice is reported, with its file,
 * line and column; a statement the graph does not have is checked by {@link Summary}.
 */
public final class Verdicts {
    private Verdicts() {
    }

    /** Every verdict of the folder's {@code *.yaml} files, in file order; a missing folder has none. */
    public static List<Verdict> read(Path dir) {
        List<Verdict> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        Problems problems = new Problems();
        Map<String, Location> seen = new HashMap<>();
        for (Path file : files(dir)) {
            String name = dir.getFileName() + "/" + file.getFileName();
            try {
                MapView root = MapView.of(SafeYaml.read(file, dir.getParent() == null ? name : dir.getParent().getFileName() + "/" + name), "a verdict file");
                root.optText("reviewer");
                root.optMap("sample").ifPresent(s -> {
                    s.optText("size");
                    s.optText("seed");
                    s.optText("method");
                    s.finish();
                });
                root.optText("date");
                for (YamlNode item : root.list("verdicts")) {
                    try {
                        Verdict v = verdict(MapView.of(item, "a verdict"));
                        Location first = seen.putIfAbsent(v.statement(), v.location());
                        if (first != null) {
                            problems.add(InputError.of(v.location(), ErrorCode.DUPLICATE_ID, "statement '" + v.statement()
                                    + "' is judged twice").withHint("first judged at " + first));
                        } else {
                            out.add(v);
                        }
                    } catch (InputException e) {
                        problems.addAll(e);
                    }
                }
                root.finish();
            } catch (InputException e) {
                problems.addAll(e);
            }
        }
        problems.throwIfAny();
        return out;
    }

    private static Verdict verdict(MapView m) {
        YamlNode.Scalar statement = m.scalar("statement");
        YamlNode.Scalar word = m.scalar("verdict");
        String note = m.optText("note").orElse(null);
        m.finish();
        Verdict.Judgement judgement = null;
        for (Verdict.Judgement j : Verdict.Judgement.values()) {
            if (j.word().equals(word.text())) {
                judgement = j;
            }
        }
        if (judgement == null) {
            throw new InputException(InputError.of(word.location(), ErrorCode.BAD_VERDICT, "'" + word.text() + "' is not a verdict")
                    .withHint("one of: stated, reading, unsupported, wrong"));
        }
        return new Verdict(statement.text(), judgement, note, statement.location());
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.IO, "cannot list folder: " + e.getMessage()));
        }
    }
}
