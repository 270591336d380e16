package org.psikg.server.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.psikg.server.ServerQueries;
import org.psikg.vocab.PSI;

/**
 * The front page at /: what the graph holds (its articles with title, authors, date and
 * publisher; how many projects, actors, factors, claims, statistics and relations), the entry
 * points (integration projects, states, factors, instruments), the search box and the way to
 * the SPARQL editor. Its data comes from {@code front-*.rq}. Callers hold a read transaction.
 * <pre>
 * String html = FrontPage.render(FrontPage.facts(dsg), values);
 * </pre>
 */
public final class FrontPage {
    private static final Map<String, String> ENTRIES = new LinkedHashMap<>();

    static {
        ENTRIES.put("IntegrationProject", "Integration projects");
        ENTRIES.put("State", "States");
        ENTRIES.put("InfluenceFactor", "Influence factors");
        ENTRIES.put("PowerInstrument", "Power instruments");
    }

    private FrontPage() {
    }

    /** An article as the front page lists it. */
    public record ArticleRow(Node article, String title, Node issued, Node publisher, List<Node> creators) {
    }

    /**
     * What the page shows of the data, from its three queries: the counts by kind, the
     * articles, the entry points by kind. Reading them takes the whole store (counting every
     * statement), so a read-only server reads them once and keeps them ({@link #facts}).
     */
    public record Facts(Map<String, String> counts, List<ArticleRow> articles, Map<String, List<Node>> entries) {
    }

    /** The page's facts, read from {@code dsg}; callers hold a read transaction. */
    public static Facts facts(DatasetGraph dsg) {
        Map<String, String> counts = new TreeMap<>();
        for (Binding b : ServerQueries.select(dsg, "front-counts.rq", Map.of())) {
            counts.put(b.get(Var.alloc("kind")).getLiteralLexicalForm(), b.get(Var.alloc("n")).getLiteralLexicalForm());
        }
        Map<String, List<Node>> entries = new LinkedHashMap<>();
        ENTRIES.keySet().forEach(k -> entries.put(k, new ArrayList<>()));
        for (Binding b : ServerQueries.select(dsg, "front-entries.rq", Map.of())) {
            String kind = b.get(Var.alloc("kind")).getURI().substring(PSI.NS.length());
            entries.get(kind).add(b.get(Var.alloc("thing")));
        }
        entries.replaceAll((k, v) -> List.copyOf(v));
        return new Facts(Map.copyOf(counts), articles(dsg), Map.copyOf(entries));
    }

    /** The page of these facts; labels are looked up in {@code values}' dataset (callers hold a read transaction). */
    public static String render(Facts facts, Values values) {
        Labels labels = values.labels();
        Html h = new Html();
        h.element("h1", "Post-Soviet Integration Knowledge Graph");
        h.element("p", "Five articles on Russia's post-Soviet integration projects (the CIS, the EAEU, the CSTO, the Union"
                + " State...) as a knowledge graph: actors, integration projects, power instruments and influence factors,"
                + " every statement traced to the quote that supports it.");
        h.open("p").open("a", "href", "/sparql", "id", "open-editor").text("Open the SPARQL editor").raw("</a>")
                .text(" (with the competency queries as examples) · ").link("/psikg/sparql", "the endpoint")
                .text(" · ").link("/.well-known/void", "VoID").text(" · ").link("/dumps/", "dumps").text(" · ")
                .link("/ontology", "ontology").close("p");

        h.open("div", "class", "counts", "id", "counts");
        Map<String, String> counts = facts.counts();
        for (String kind : List.of("articles", "integration projects", "actors", "factors", "claims", "statistics",
                "relations with evidence", "annotated passages")) {
            h.open("div", "data-kind", kind).element("b", counts.getOrDefault(kind, "0")).text(kind).close("div");
        }
        h.close("div");

        h.element("h2", "Articles");
        h.open("table", "id", "articles").open("tr").element("th", "title").element("th", "authors")
                .element("th", "published").element("th", "publisher").close("tr");
        for (ArticleRow a : facts.articles()) {
            h.open("tr").open("td").link(values.site().href(a.article()), a.title()).close("td").open("td");
            for (int i = 0; i < a.creators().size(); i++) {
                if (i > 0) {
                    h.raw(", ");
                }
                values.term(h, a.creators().get(i));
            }
            h.close("td").open("td");
            if (a.issued() != null) {
                h.text(a.issued().getLiteralLexicalForm());
            }
            h.close("td").open("td");
            if (a.publisher() != null) {
                values.term(h, a.publisher());
            }
            h.close("td").close("tr");
        }
        h.close("table");

        Map<String, List<Node>> entries = facts.entries();
        h.element("h2", "Where to start");
        ENTRIES.forEach((kind, title) -> {
            List<Node> things = new ArrayList<>(entries.get(kind));
            things.sort((x, y) -> labels.en(x).compareToIgnoreCase(labels.en(y)));
            h.element("h3", title + " (" + things.size() + ")");
            h.open("ul", "class", "entries", "data-kind", kind);
            for (Node t : things) {
                values.term(h.open("li"), t).close("li");
            }
            h.close("ul");
        });
        return Html.page("Post-Soviet Integration Knowledge Graph", h.toString(), values.head());
    }

    private static List<ArticleRow> articles(DatasetGraph dsg) {
        Map<Node, ArticleRow> rows = new LinkedHashMap<>();
        for (Binding b : ServerQueries.select(dsg, "front-articles.rq", Map.of())) {
            Node article = b.get(Var.alloc("article"));
            ArticleRow row = rows.computeIfAbsent(article, a -> new ArticleRow(a, b.get(Var.alloc("title")).getLiteralLexicalForm(),
                    b.get(Var.alloc("issued")), b.get(Var.alloc("publisher")), new ArrayList<>()));
            Node creator = b.get(Var.alloc("creator"));
            if (creator != null && !row.creators().contains(creator)) {
                row.creators().add(creator);
            }
        }
        return rows.values().stream().map(r -> new ArticleRow(r.article(), r.title(), r.issued(), r.publisher(),
                List.copyOf(r.creators()))).toList();
    }
}
