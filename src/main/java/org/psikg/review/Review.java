package org.psikg.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.vocab.PSI;
import org.psikg.vocab.PsikgIris;

/**
 * The statements of a graph as a reviewer judges them, each with its quotes in context and its
 * assertion mode: all of them, those of one article, or a reproducible random sample.
 * <pre>
 * Review review = Review.of(kg.dataset());
 * List&lt;ReviewItem&gt; sample = review.sample(100, 15);   // the same 100 for the same graph and seed
 * </pre>
 * A statement's id is {@code ARTICLE-ID/HASH}, the last two steps of its IRI
 * ({@code …/article/ARTICLE-ID/statement/HASH}): the hash names the triple, the article tells
 * apart the same triple stated by two articles.
 */
public final class Review {
    private final List<ReviewItem> items;
    private final Map<String, ReviewItem> byId = new HashMap<>();

    private Review(List<ReviewItem> items) {
        this.items = List.copyOf(items);
        items.forEach(i -> byId.put(i.id(), i));
    }

    /** Reads every reified statement of the article graphs; callers of a transactional dataset hold a read transaction. */
    public static Review of(DatasetGraph dsg) {
        Map<Node, StatementKind> kinds = kinds(dsg);
        Map<Node, Builder> statements = new LinkedHashMap<>();
        for (QuerySolution row : select(dsg, "statements.rq")) {
            Node st = row.get("statement").asNode();
            Builder b = statements.computeIfAbsent(st, k -> new Builder(row, kinds));
            b.add(row);
        }
        List<ReviewItem> items = new ArrayList<>();
        statements.values().forEach(b -> items.add(b.build()));
        items.sort((a, b) -> a.id().compareTo(b.id()));
        return new Review(items);
    }

    /** Every statement, by id. */
    public List<ReviewItem> all() {
        return items;
    }

    public Optional<ReviewItem> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * {@code n} statements drawn without replacement: the statements in id order, shuffled by
     * {@link Collections#shuffle(List, java.util.Random)} with {@code new Random(seed)}, the
     * first {@code n} kept, then put back in id order. The same graph and seed give the same sample.
     */
    public List<ReviewItem> sample(int n, long seed) {
        if (n < 1) {
            throw new InputException(InputError.of(Location.ofFile("--sample"), ErrorCode.BAD_REVIEW, "the sample size must be 1 or more, not " + n));
        }
        List<ReviewItem> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed));
        List<ReviewItem> out = new ArrayList<>(shuffled.subList(0, Math.min(n, shuffled.size())));
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    /** The statements of one article, by id; an article the graph does not have is an input error. */
    public List<ReviewItem> article(String articleId) {
        List<ReviewItem> out = items.stream().filter(i -> i.article().equals(articleId)).toList();
        if (out.isEmpty()) {
            Set<String> known = new TreeSet<>();
            items.forEach(i -> known.add(i.article()));
            throw new InputException(InputError.of(Location.ofFile("--article"), ErrorCode.BAD_REVIEW,
                    "no statements of an article '" + articleId + "'").withHint("articles: " + String.join(", ", known)));
        }
        return out;
    }

    private static Map<Node, StatementKind> kinds(DatasetGraph dsg) {
        Map<Node, EnumSet<StatementKind>> found = new HashMap<>();
        for (QuerySolution row : select(dsg, "kinds.rq")) {
            String local = row.getResource("kind").getLocalName();
            for (StatementKind k : StatementKind.values()) {
                if (local.equals(k.psiClass())) {
                    found.computeIfAbsent(row.get("s").asNode(), x -> EnumSet.noneOf(StatementKind.class)).add(k);
                }
            }
        }
        Map<Node, StatementKind> out = new HashMap<>();
        found.forEach((s, ks) -> out.put(s, ks.iterator().next()));
        return out;
    }

    private static final class Builder {
        private final Node statement;
        private final String article;
        private final StatementKind kind;
        private final Node s;
        private final Node p;
        private final Node o;
        private final String mode;
        private final Set<String> modality = new TreeSet<>();
        private final Map<Node, ReviewItem.Quote> quotes = new LinkedHashMap<>();

        Builder(QuerySolution row, Map<Node, StatementKind> kinds) {
            statement = row.get("statement").asNode();
            article = row.getResource("article").getURI().substring(PsikgIris.ARTICLE.length());
            s = row.get("s").asNode();
            p = row.get("p").asNode();
            o = row.get("o").asNode();
            kind = kinds.getOrDefault(s, StatementKind.OTHER);
            RDFNode m = row.get("mode");
            mode = m != null && m.isURIResource() && m.asResource().getURI().startsWith(PSI.NS) ? m.asResource().getLocalName() : "none";
        }

        void add(QuerySolution row) {
            RDFNode modalityNode = row.get("modality");
            RDFNode hedge = row.get("hedge");
            if (modalityNode != null && modalityNode.isURIResource()) {
                modality.add(modalityNode.asResource().getLocalName() + (hedge != null && hedge.isLiteral() ? ": " + hedge.asLiteral().getLexicalForm() : ""));
            }
            Node ann = row.get("annotation").asNode();
            quotes.computeIfAbsent(ann, k -> new ReviewItem.Quote(ann, text(row, "prefix"), text(row, "exact"), text(row, "suffix"),
                    text(row, "file"), row.contains("line") ? row.getLiteral("line").getInt() : 0));
        }

        ReviewItem build() {
            String uri = statement.getURI();
            String hash = uri.substring(uri.lastIndexOf('/') + 1);
            return new ReviewItem(article + "/" + hash, statement, article, kind, s, p, o, mode, List.copyOf(modality),
                    List.copyOf(quotes.values()));
        }

        private static String text(QuerySolution row, String var) {
            RDFNode n = row.get(var);
            return n == null ? null : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
        }
    }

    private static List<QuerySolution> select(DatasetGraph dsg, String resource) {
        String query;
        try (InputStream in = Review.class.getResourceAsStream("/org/psikg/review/" + resource)) {
            query = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query).build()) {
            qe.execSelect().forEachRemaining(rows::add);
        }
        return rows;
    }
}
