package org.psikg.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.psikg.corpus.yaml.MapView;
import org.psikg.corpus.yaml.SafeYaml;
import org.psikg.corpus.yaml.YamlNode;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.error.Problems;

/**
 * Reads an article's annotation file (see docs/annotation-guide.md) into an
 * {@link ArticleFile}, reporting every malformed annotation, not just the first.
 */
public final class AnnotationReader {
    /** Article ids that would clash with the graphs psikg names itself. */
    public static final Set<String> RESERVED_IDS = Set.of("ontology", "registry", "metadata", "inferred");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern WORD = Pattern.compile("\\S+");
    /** The key of a fact's or a node's assertion mode; no ontology term has this name, so a node may use it. */
    static final String ASSERTION = "assertion";

    private AnnotationReader() {
    }

    public static ArticleFile read(Path file, String name) {
        return read(SafeYaml.read(file, name), name);
    }

    /** Reads an annotation file already parsed; the fuzz tests start here. */
    static ArticleFile read(YamlNode tree, String name) {
        MapView root = MapView.of(tree, "the annotation file");
        Problems problems = new Problems();
        ArticleMeta meta = meta(root.map("article"));
        List<Furniture> furniture = new ArrayList<>();
        for (YamlNode item : root.list("furniture")) {
            try {
                MapView m = MapView.of(item, "a furniture entry");
                QuoteSpec quote = quote(m);
                boolean all = m.optText("all").map(v -> flag(v, m)).orElse(false);
                m.finish();
                furniture.add(new Furniture(quote, all));
            } catch (InputException e) {
                problems.addAll(e);
            }
        }
        List<Annotation> annotations = new ArrayList<>();
        Map<String, Location> ids = new HashMap<>();
        for (YamlNode item : root.list("annotations")) {
            try {
                Annotation a = annotation(MapView.of(item, "an annotation"));
                Location first = ids.putIfAbsent(a.id(), a.location());
                if (first != null) {
                    problems.add(InputError.of(a.location(), ErrorCode.DUPLICATE_ID, "annotation id '" + a.id()
                            + "' is used twice").withHint("first used at line " + first.line()));
                }
                annotations.add(a);
            } catch (InputException e) {
                problems.addAll(e);
            }
        }
        root.finish();
        problems.throwIfAny();
        return new ArticleFile(name, meta, furniture, annotations);
    }

    private static ArticleMeta meta(MapView m) {
        Token id = token(m.scalar("id"));
        Slugs.check(id, "article id");
        if (RESERVED_IDS.contains(id.text())) {
            throw MapView.error(id.location(), ErrorCode.RESERVED_ID, "article id '" + id.text() + "' is reserved for a graph of psikg");
        }
        Token sha = token(m.scalar("sha256"));
        if (!SHA256.matcher(sha.text()).matches()) {
            throw MapView.error(sha.location(), ErrorCode.BAD_CHECKSUM, "sha256 must be 64 lower-case hex digits");
        }
        ArticleMeta meta = new ArticleMeta(id.text(), sha, m.text("title"),
                m.scalars("authors").stream().map(AnnotationReader::token).toList(),
                m.optScalar("publisher").map(AnnotationReader::token).orElse(null),
                token(m.scalar("genre")), m.optText("language").orElse("en"),
                m.optScalar("published").map(AnnotationReader::token).orElse(null), m.location());
        m.finish();
        return meta;
    }

    private static Annotation annotation(MapView m) {
        Token id = token(m.scalar("id"));
        Slugs.check(id, "annotation id");
        QuoteSpec quote = quote(m);
        List<Token> about = m.scalars("about").stream().map(AnnotationReader::token).toList();
        List<FactSpec> facts = new ArrayList<>();
        for (YamlNode f : m.list("facts")) {
            if (f instanceof YamlNode.Mapping) {
                MapView fm = MapView.of(f, "a fact");
                FactSpec spec = fact(fm.scalar("fact"));
                Assertion assertion = assertion(fm);
                fm.finish();
                facts.add(new FactSpec(spec.subject(), spec.predicate(), spec.object(), assertion));
            } else {
                facts.add(fact(MapView.scalar(f, "a fact")));
            }
        }
        m.optMap("nodes").ifPresent(nodes -> {
            for (YamlNode.Entry e : nodes.node().entries().values()) {
                facts.addAll(node(new Token(e.key(), e.keyLocation()), nodes));
            }
        });
        List<Anaphor> refers = new ArrayList<>();
        m.optMap("refers").ifPresent(r -> {
            for (YamlNode.Entry e : r.node().entries().values()) {
                List<Token> keys = MapView.scalarList(e.value(), "'refers' entry '" + e.key() + "'").stream()
                        .map(AnnotationReader::token).toList();
                refers.add(new Anaphor(e.key(), keys, e.keyLocation()));
            }
        });
        m.finish();
        if (about.isEmpty() && facts.isEmpty()) {
            throw MapView.error(id.location(), ErrorCode.EMPTY_ANNOTATION, "annotation '" + id.text() + "' has neither 'about' nor a statement");
        }
        return new Annotation(id.text(), id.location(), quote, about, facts, List.copyOf(refers));
    }

    /**
     * The optional {@code assertion} of a fact or a node: {@code stated}, {@code reading}, or
     * {@code {mode: hedged, modality: probable, hedge: "most likely"}}.
     */
    private static Assertion assertion(MapView m) {
        Optional<YamlNode> node = m.node(ASSERTION);
        if (node.isEmpty()) {
            return Assertion.STATED;
        }
        if (node.get() instanceof YamlNode.Scalar s) {
            Assertion.Mode mode = word(s, Assertion.Mode.values(), "an assertion mode");
            if (mode == Assertion.Mode.HEDGED) {
                throw new InputException(InputError.of(s.location(), ErrorCode.BAD_ASSERTION, "a hedged statement needs its modality")
                        .withHint("write assertion: {mode: hedged, modality: probable, hedge: \"most likely\"}"));
            }
            return mode == Assertion.Mode.READING ? Assertion.reading(s.location()) : new Assertion(mode, null, null, s.location());
        }
        MapView a = MapView.of(node.get(), "an assertion");
        YamlNode.Scalar modeWord = a.scalar("mode");
        Assertion.Mode mode = word(modeWord, Assertion.Mode.values(), "an assertion mode");
        Optional<YamlNode.Scalar> modality = a.optScalar("modality");
        Optional<String> hedge = a.optText("hedge");
        a.finish();
        if (mode != Assertion.Mode.HEDGED) {
            if (modality.isPresent() || hedge.isPresent()) {
                throw MapView.error(modeWord.location(), ErrorCode.BAD_ASSERTION, "only a hedged statement has a modality and a hedge, not a "
                        + mode.word() + " one");
            }
            return new Assertion(mode, null, null, modeWord.location());
        }
        if (modality.isEmpty()) {
            throw new InputException(InputError.of(a.location(), ErrorCode.BAD_ASSERTION, "a hedged statement needs its modality")
                    .withHint("one of: " + Assertion.words(Assertion.Modality.values())));
        }
        if (hedge.isEmpty() || hedge.get().isBlank()) {
            throw MapView.error(a.location(), ErrorCode.BAD_ASSERTION, "a hedged statement needs the source's own hedging words ('hedge')");
        }
        return Assertion.hedged(word(modality.get(), Assertion.Modality.values(), "a modality"), hedge.get().strip(), modeWord.location());
    }

    private static <E extends Enum<E>> E word(YamlNode.Scalar s, E[] values, String what) {
        for (E v : values) {
            if (v.name().toLowerCase(java.util.Locale.ROOT).equals(s.text())) {
                return v;
            }
        }
        throw new InputException(InputError.of(s.location(), ErrorCode.BAD_ASSERTION, "'" + s.text() + "' is not " + what)
                .withHint("one of: " + Assertion.words(values)));
    }

    private static QuoteSpec quote(MapView m) {
        YamlNode.Scalar q = m.scalar("quote");
        int occurrence = m.optScalar("occurrence").map(s -> {
            try {
                int n = Integer.parseInt(s.text());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw MapView.error(s.location(), ErrorCode.BAD_OCCURRENCE, "occurrence must be a whole number from 1, not '" + s.text() + "'");
        }).orElse(0);
        if (q.text().isBlank()) {
            throw MapView.error(q.location(), ErrorCode.EMPTY_QUOTE, "the quote is empty");
        }
        if (q.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
            // A lone combining mark or a dash would anchor on a piece of a word, or on any punctuation.
            throw MapView.error(q.location(), ErrorCode.EMPTY_QUOTE, "the quote has no letter or digit: it states nothing");
        }
        return new QuoteSpec(q.text(), m.optText("prefix").orElse(null), m.optText("suffix").orElse(null), occurrence, q.location());
    }

    /** "subject predicate object...": the object is the rest of the line, as written. */
    private static FactSpec fact(YamlNode.Scalar s) {
        java.util.regex.Matcher w = WORD.matcher(s.text());
        List<Token> parts = new ArrayList<>();
        while (parts.size() < 2 && w.find()) {
            parts.add(at(s, w.group(), w.start()));
        }
        int rest = parts.size() == 2 ? w.end() : s.text().length();
        String object = s.text().substring(rest).strip();
        if (parts.size() < 2 || object.isEmpty()) {
            throw MapView.error(s.location(), ErrorCode.BAD_FACT, "a fact needs a subject, a predicate and an object: '" + s.text() + "'");
        }
        return new FactSpec(parts.get(0), parts.get(1), at(s, object, s.text().indexOf(object, rest)));
    }

    private static List<FactSpec> node(Token key, MapView nodes) {
        Slugs.check(key, "node key");
        MapView m = MapView.of(nodes.node().entries().get(key.text()).value(), "node '" + key.text() + "'");
        if (!m.node().entries().containsKey("a")) {
            throw MapView.error(key.location(), ErrorCode.MISSING_FIELD, "node '" + key.text() + "' needs 'a' (its class)");
        }
        Token subject = new Token("this:" + key.text(), key.location());
        Assertion assertion = assertion(m);
        List<FactSpec> facts = new ArrayList<>();
        for (YamlNode.Entry e : m.node().entries().values()) {
            if (e.key().equals(ASSERTION)) {
                continue;
            }
            Token predicate = new Token(e.key(), e.keyLocation());
            for (YamlNode.Scalar value : MapView.scalarList(e.value(), "'" + e.key() + "' of node '" + key.text() + "'")) {
                facts.add(new FactSpec(subject, predicate, token(value), assertion));
            }
        }
        return facts;
    }

    private static boolean flag(String v, MapView m) {
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw MapView.error(m.location(), ErrorCode.BAD_FLAG, "'all' must be true or false, not '" + v + "'");
        };
    }

    private static Token at(YamlNode.Scalar s, String text, int offset) {
        Location l = s.location();
        return new Token(text, new Location(l.file(), l.line(), l.column() + s.text().codePointCount(0, Math.max(0, offset))));
    }

    private static Token token(YamlNode.Scalar s) {
        return new Token(s.text(), s.location());
    }
}
