package org.psikg.corpus.yaml;

import java.util.List;
import java.util.Map;
import org.psikg.error.Location;

/**
 * A YAML value as psikg reads it: scalars keep the text exactly as written (no YAML 1.1 or
 * 1.2 typing, so {@code no} stays "no"), and every node knows where it stands in its file.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    Location location();

    /** What the node is, for messages: "text", "list" or "map". */
    String kind();

    /** A scalar; {@code nil} is true for an empty or {@code null}/{@code ~} plain value. */
    record Scalar(String text, boolean nil, Location location) implements YamlNode {
        public String kind() {
            return "text";
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public String kind() {
            return "list";
        }
    }

    /** Keys are unique (duplicates are rejected while reading), in document order. */
    record Mapping(Map<String, Entry> entries, Location location) implements YamlNode {
        public String kind() {
            return "map";
        }
    }

    record Entry(String key, Location keyLocation, YamlNode value) {
    }
}
