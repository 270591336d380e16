package org.psikg.validate.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.psikg.corpus.AnchoredAnnotation;
import org.psikg.corpus.Article;
import org.psikg.corpus.Entity;
import org.psikg.corpus.FactSpec;
import org.psikg.corpus.Registry;
import org.psikg.corpus.Token;

/**
 * What would count as a mention of each side of an article's statements: the names of a
 * registry entity (labels, aliases, its key as words), of the entities an article-local node
 * points to, the digits of a number, the year of a date.
 */
public final class Mentions {
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final String LOCAL = "this:";

    /**
     * One side of a statement as the lint sees it.
     *
     * @param self  the side as written: a key, {@code this:KEY}, a value
     * @param kind  "entity", "author" (of the article: always mentioned), "node", "number", "date", or
     *              what is not checked: "term or text"
     * @param names the names that mention an entity or a node, with the keys they stand for
     */
    public record Side(String self, String kind, Map<String, Set<String>> names, String literal) {
        public boolean checkable() {
            return !kind.equals("term or text") && !(kind.equals("node") && names.isEmpty());
        }

        /** Whether the quote mentions this side, or names it through one of the {@code referred} keys. */
        public boolean in(LooseWords quote, List<String> referred) {
            if (referred.contains(self)) {
                return true;
            }
            return switch (kind) {
                case "author" -> true;
                case "number" -> quote.mentionsNumber(literal);
                case "date" -> quote.mentionsYear(literal);
                case "entity", "node" -> names.entrySet().stream().anyMatch(e -> e.getValue().stream().anyMatch(referred::contains)
                        || quote.mentions(e.getKey()));
                default -> false;
            };
        }
    }

    private final Registry registry;
    private final Set<String> authors;
    private final Map<String, Set<String>> nodeEntities;

    private Mentions(Registry registry, Set<String> authors, Map<String, Set<String>> nodeEntities) {
        this.registry = registry;
        this.authors = authors;
        this.nodeEntities = nodeEntities;
    }

    /**
     * The article's authors are mentioned by every quote of their article, which is their own
     * text; an article-local node is mentioned by any other entity it points to.
     */
    public static Mentions of(Registry registry, Article article) {
        Set<String> authors = new LinkedHashSet<>();
        article.meta().authors().forEach(t -> authors.add(t.text()));
        Map<String, Set<String>> nodes = new TreeMap<>();
        for (AnchoredAnnotation aa : article.annotations()) {
            for (FactSpec f : aa.annotation().facts()) {
                if (f.subject().text().startsWith(LOCAL) && registry.contains(f.object().text()) && !authors.contains(f.object().text())) {
                    nodes.computeIfAbsent(f.subject().text(), k -> new LinkedHashSet<>()).add(f.object().text());
                }
            }
        }
        return new Mentions(registry, authors, nodes);
    }

    public Side side(Token t) {
        String text = t.text();
        if (authors.contains(text)) {
            return new Side(text, "author", Map.of(), null);
        }
        if (registry.contains(text)) {
            return new Side(text, "entity", names(List.of(text)), null);
        }
        if (text.startsWith(LOCAL)) {
            return new Side(text, "node", names(new ArrayList<>(nodeEntities.getOrDefault(text, Set.of()))), null);
        }
        if (DATE.matcher(text).matches()) {
            return new Side(text, "date", Map.of(), text);
        }
        if (DECIMAL.matcher(text).matches()) {
            return new Side(text, "number", Map.of(), text);
        }
        return new Side(text, "term or text", Map.of(), null);
    }

    /** Every name of the entities, each with the keys it names: the keys themselves match a 'refers' entry. */
    private Map<String, Set<String>> names(List<String> keys) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String key : keys) {
            Entity e = registry.get(key).orElseThrow();
            List<String> all = new ArrayList<>(e.labels().values());
            e.alt().values().forEach(all::addAll);
            all.add(key.replace('-', ' '));
            all.forEach(n -> out.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(key));
        }
        return out;
    }
}
