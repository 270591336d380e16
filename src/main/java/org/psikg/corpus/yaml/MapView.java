package org.psikg.corpus.yaml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.psikg.corpus.Suggest;
import org.psikg.corpus.TextFiles;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;

/**
 * Typed, located access to a YAML map whose keys are known in advance. Every getter throws an
 * {@link InputException} at the offending node; {@link #finish()} reports keys nobody asked for,
 * with the nearest known key as a hint.
 * <pre>
 * MapView m = MapView.of(node, "an annotation");
 * String id = m.text("id");
 * List&lt;YamlNode.Scalar&gt; about = m.scalars("about");
 * m.finish();
 * </pre>
 */
public final class MapView {
    private final YamlNode.Mapping map;
    private final String what;
    private final Set<String> known = new HashSet<>();

    private MapView(YamlNode.Mapping map, String what) {
        this.map = map;
        this.what = what;
    }

    public static MapView of(YamlNode node, String what) {
        if (node instanceof YamlNode.Mapping m) {
            return new MapView(m, what);
        }
        throw error(node.location(), ErrorCode.YAML_SHAPE, what + " must be a map, not a " + node.kind());
    }

    public Location location() {
        return map.location();
    }

    public YamlNode.Mapping node() {
        return map;
    }

    public Optional<YamlNode> node(String key) {
        known.add(key);
        YamlNode.Entry e = map.entries().get(key);
        if (e == null || (e.value() instanceof YamlNode.Scalar s && s.nil())) {
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    public Optional<YamlNode.Scalar> optScalar(String key) {
        return node(key).map(n -> scalar(n, what + " '" + key + "'"));
    }

    public YamlNode.Scalar scalar(String key) {
        return optScalar(key).orElseThrow(() -> missing(key));
    }

    public String text(String key) {
        return scalar(key).text();
    }

    public Optional<String> optText(String key) {
        return optScalar(key).map(YamlNode.Scalar::text);
    }

    public MapView map(String key) {
        return node(key).map(n -> of(n, what + " '" + key + "'")).orElseThrow(() -> missing(key));
    }

    public Optional<MapView> optMap(String key) {
        return node(key).map(n -> of(n, what + " '" + key + "'"));
    }

    /** A scalar or a list of scalars, as a list; empty when absent. */
    public List<YamlNode.Scalar> scalars(String key) {
        return node(key).map(n -> scalarList(n, what + " '" + key + "'")).orElse(List.of());
    }

    public List<YamlNode> list(String key) {
        return node(key).map(n -> {
            if (n instanceof YamlNode.Sequence s) {
                return s.items();
            }
            throw error(n.location(), ErrorCode.YAML_SHAPE, what + " '" + key + "' must be a list, not a " + n.kind());
        }).orElse(List.of());
    }

    /** Reports the first key of the map that no getter asked for. */
    public void finish() {
        for (YamlNode.Entry e : map.entries().values()) {
            if (!known.contains(e.key())) {
                InputError err = InputError.of(e.keyLocation(), ErrorCode.UNKNOWN_FIELD, "unknown field '" + e.key() + "' in " + what);
                String near = Suggest.nearest(e.key(), known);
                throw new InputException(near == null ? err.withHint("known fields: " + String.join(", ", known.stream().sorted().toList()))
                        : err.withHint("did you mean '" + near + "'?"));
            }
        }
    }

    public static YamlNode.Scalar scalar(YamlNode n, String what) {
        if (n instanceof YamlNode.Scalar s) {
            checkSurrogates(s);
            int bad = TextFiles.forbiddenCharacterAt(s.text());
            if (bad >= 0) {
                throw TextFiles.forbiddenCharacter(s.location(), s.text().charAt(bad));
            }
            return s;
        }
        throw error(n.location(), ErrorCode.YAML_SHAPE, what + " must be text, not a " + n.kind());
    }

    public static List<YamlNode.Scalar> scalarList(YamlNode n, String what) {
        if (n instanceof YamlNode.Sequence seq) {
            List<YamlNode.Scalar> out = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                out.add(scalar(item, what + " item"));
            }
            return out;
        }
        return List.of(scalar(n, what));
    }

    private static void checkSurrogates(YamlNode.Scalar s) {
        String t = s.text();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error(s.location(), ErrorCode.UNPAIRED_SURROGATE, String.format("unpaired surrogate U+%04X in text", (int) c));
            }
        }
    }

    private InputException missing(String key) {
        return error(map.location(), ErrorCode.MISSING_FIELD, what + " needs '" + key + "'");
    }

    public static InputException error(Location at, ErrorCode code, String message) {
        return new InputException(InputError.of(at, code, message));
    }
}
