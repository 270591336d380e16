package org.psikg.corpus.synth.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Builds one synthetic article from a window of a seed article's annotations: the text is
 * their quotes in order, with sentences from the seed's word chain between them, grouped
 * into paragraphs; the annotations are the seed's, with the seed's authors replaced by the
 * synthetic ones, links to other articles pointed at synthetic articles that hold the same
 * node (or dropped when none does yet), and {@code occurrence} set wherever a quote now
 * matches more than once.
 */
public final class Remix {
    /** The key of an assertion mode, on a node or a fact: not a property, so never mapped as one. */
    private static final String ASSERTION = "assertion";
    private static final Pattern OTHER_ARTICLE_NODE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*");

    /** The text and annotation file of one synthetic article. */
    public record Output(String text, Map<String, Object> yaml) {
    }

    private Remix() {
    }

    /**
     * @param authorKeys   seed author key to synthetic author key
     * @param authorNames  seed author's English name to the synthetic author's
     * @param otherNodes   "seed-article-id/node" to "synthetic-article-id/node", for the nodes already generated
     */
    public static Output of(SourceArticle source, Set<Integer> window, Map<String, Object> meta, Map<String, String> authorKeys,
            Map<String, String> authorNames, Map<String, String> otherNodes, SplittableRandom random) {
        UnaryOperator<String> key = s -> authorKeys.getOrDefault(s, s);
        StringBuilder text = new StringBuilder();
        String title = title(source.chain().sentence(random));
        meta.put("title", title);
        text.append(title).append("\n\n").append(String.join(", ", authorNames.values())).append("\n\n");

        List<Map<String, Object>> annotations = new ArrayList<>();
        List<Integer> placedAt = new ArrayList<>();
        int inParagraph = 0;
        int paragraphLength = 3 + random.nextInt(4);
        for (int i : window) {
            if (random.nextInt(3) == 0) {
                inParagraph = sentence(text, source.chain().sentence(random), inParagraph);
            }
            Map<String, Object> a = annotation(source.annotation(i), key, authorNames, otherNodes);
            String quote = (String) a.get("quote");
            if (inParagraph >= paragraphLength) {
                text.append("\n\n");
                inParagraph = 0;
                paragraphLength = 3 + random.nextInt(4);
            } else if (inParagraph > 0) {
                text.append(' ');
            }
            placedAt.add(text.length());
            text.append(quote);
            inParagraph++;
            annotations.add(a);
        }
        text.append("\n");
        String full = text.toString();
        for (int n = 0; n < annotations.size(); n++) {
            setOccurrence(annotations.get(n), full, placedAt.get(n));
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("article", meta);
        yaml.put("annotations", annotations);
        return new Output(full, yaml);
    }

    private static int sentence(StringBuilder text, String sentence, int inParagraph) {
        if (inParagraph > 0) {
            text.append(' ');
        }
        text.append(sentence);
        return inParagraph + 1;
    }

    private static String title(String sentence) {
        String[] words = sentence.split(" ");
        String t = String.join(" ", List.of(words).subList(0, Math.min(words.length, 9)));
        return t.replaceAll("[\\p{Punct}“”«»—–]+$", "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotation(Map<String, Object> seed, UnaryOperator<String> key,
            Map<String, String> authorNames, Map<String, String> otherNodes) {
        Map<String, Object> a = (Map<String, Object>) RawYaml.copy(seed);
        a.remove("prefix");
        a.remove("suffix");
        a.remove("occurrence");
        String quote = (String) a.get("quote");
        for (Map.Entry<String, String> e : authorNames.entrySet()) {
            quote = quote.replace(e.getKey(), e.getValue());
        }
        a.put("quote", quote);
        if (a.containsKey("about")) {
            a.put("about", RawYaml.list(a.get("about")).stream().map(v -> key.apply((String) v)).toList());
        }
        if (a.containsKey("facts")) {
            List<Object> facts = new ArrayList<>();
            for (Object f : RawYaml.list(a.get("facts"))) {
                Object fact = f instanceof String s ? fact(s, key, otherNodes) : factWithAssertion(RawYaml.map(f), key, otherNodes);
                if (fact != null) {
                    facts.add(fact);
                }
            }
            if (facts.isEmpty()) {
                a.remove("facts");
            } else {
                a.put("facts", facts);
            }
        }
        for (Object node : RawYaml.map(a.get("nodes")).values()) {
            Map<String, Object> props = RawYaml.map(node);
            for (String p : new ArrayList<>(props.keySet())) {
                if (p.equals(ASSERTION)) {
                    continue;
                }
                List<Object> values = new ArrayList<>();
                for (Object v : RawYaml.list(props.get(p))) {
                    Object mapped = v instanceof String s ? object(s, key, otherNodes) : v;
                    if (mapped != null) {
                        values.add(mapped);
                    }
                }
                if (values.isEmpty()) {
                    props.remove(p);
                } else {
                    props.put(p, props.get(p) instanceof List<?> || values.size() > 1 ? values : values.get(0));
                }
            }
        }
        return a;
    }

    /** A fact written as a map ({@code {fact: ..., assertion: ...}}): the fact mapped, its assertion mode kept. */
    private static Map<String, Object> factWithAssertion(Map<String, Object> f, UnaryOperator<String> key, Map<String, String> otherNodes) {
        String fact = fact((String) f.get("fact"), key, otherNodes);
        if (fact == null) {
            return null;
        }
        Map<String, Object> mapped = new LinkedHashMap<>(f);
        mapped.put("fact", fact);
        return mapped;
    }

    /** A fact with its subject and object mapped, or null when its object is a node no synthetic article has yet. */
    private static String fact(String fact, UnaryOperator<String> key, Map<String, String> otherNodes) {
        String[] parts = fact.strip().split(" ", 3);
        if (parts.length < 3) {
            return fact;
        }
        String object = object(parts[2], key, otherNodes);
        return object == null ? null : key.apply(parts[0]) + " " + parts[1] + " " + object;
    }

    private static String object(String value, UnaryOperator<String> key, Map<String, String> otherNodes) {
        if (OTHER_ARTICLE_NODE.matcher(value).matches()) {
            return otherNodes.get(value);
        }
        return key.apply(value);
    }

    /** Where a quote now matches more than once (a short quote inside a longer one), says which match is meant. */
    private static void setOccurrence(Map<String, Object> annotation, String text, int placedAt) {
        String quote = (String) annotation.get("quote");
        int occurrence = 0;
        int matches = 0;
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
            matches++;
            if (at == placedAt) {
                occurrence = matches;
            }
        }
        if (matches > 1) {
            String nth = String.valueOf(occurrence);
            Map<String, Object> ordered = new LinkedHashMap<>();
            annotation.forEach((k, v) -> {
                ordered.put(k, v);
                if (k.equals("quote")) {
                    ordered.put("occurrence", nth);
                }
            });
            annotation.clear();
            annotation.putAll(ordered);
        }
    }
}
