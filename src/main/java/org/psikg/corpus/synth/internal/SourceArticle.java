package org.psikg.corpus.synth.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One annotated seed article as raw YAML: its metadata, its annotations in file order, which
 * annotation declares each article-local node and which nodes each annotation refers to, and
 * a word chain trained on its text.
 */
public final class SourceArticle {
    private static final Pattern THIS_REF = Pattern.compile("this:([a-z0-9]+(?:-[a-z0-9]+)*)");

    private final Map<String, Object> meta;
    private final List<Map<String, Object>> annotations = new ArrayList<>();
    private final Map<String, Integer> declaredIn = new HashMap<>();
    private final List<Set<String>> refs = new ArrayList<>();
    private final WordChain chain;

    private SourceArticle(Map<String, Object> yaml, String text) {
        this.meta = RawYaml.map(yaml.get("article"));
        for (Object a : RawYaml.list(yaml.get("annotations"))) {
            Map<String, Object> annotation = RawYaml.map(a);
            int index = annotations.size();
            annotations.add(annotation);
            for (String node : RawYaml.map(annotation.get("nodes")).keySet()) {
                declaredIn.putIfAbsent(node, index);
            }
            Set<String> found = new TreeSet<>();
            collectRefs(annotation, found);
            refs.add(found);
        }
        this.chain = WordChain.of(text);
    }

    public static SourceArticle of(String yaml, String text) {
        return new SourceArticle(RawYaml.map(RawYaml.load(yaml)), text);
    }

    public String id() {
        return (String) meta.get("id");
    }

    public Map<String, Object> meta() {
        return meta;
    }

    public List<String> authors() {
        return RawYaml.list(meta.get("authors")).stream().map(String::valueOf).toList();
    }

    public int size() {
        return annotations.size();
    }

    public Map<String, Object> annotation(int index) {
        return annotations.get(index);
    }

    public WordChain chain() {
        return chain;
    }

    /**
     * The annotations from {@code from} (inclusive) to {@code to} (exclusive), with every
     * annotation that declares a node they refer to, transitively: a window that builds.
     */
    public Set<Integer> closedWindow(int from, int to) {
        Set<Integer> out = new TreeSet<>();
        List<Integer> todo = new ArrayList<>();
        for (int i = from; i < to; i++) {
            todo.add(i);
        }
        while (!todo.isEmpty()) {
            int i = todo.remove(todo.size() - 1);
            if (out.add(i)) {
                for (String node : refs.get(i)) {
                    Integer declaring = declaredIn.get(node);
                    if (declaring != null) {
                        todo.add(declaring);
                    }
                }
            }
        }
        return out;
    }

    /** The article-local nodes the given annotations declare. */
    public Set<String> nodesOf(Set<Integer> indices) {
        Set<String> out = new LinkedHashSet<>();
        for (int i : indices) {
            out.addAll(RawYaml.map(annotations.get(i).get("nodes")).keySet());
        }
        return out;
    }

    private static void collectRefs(Object o, Set<String> out) {
        if (o instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectRefs(v, out));
        } else if (o instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, out));
        } else if (o instanceof String s) {
            Matcher matcher = THIS_REF.matcher(s);
            while (matcher.find()) {
                out.add(matcher.group(1));
            }
        }
    }
}
