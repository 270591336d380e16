package org.psikg.server.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.RDF;
import org.psikg.server.Representation;
import org.psikg.server.ServerQueries;
import org.psikg.vocab.PSI;

/**
 * The HTML page of one thing (an entity, an article, a node below an article): every
 * statement about it in both directions, each with the quotes it rests on shown in their
 * context and linked to their article; then the passages that mention it. The arcs that only
 * record provenance (an rdf:Statement's rdf:subject and rdf:object, an annotation's
 * oa:hasBody) are not listed as arcs: they are what the evidence and mentions show.
 * Callers hold a read transaction.
 * <pre>
 * String html = ThingPage.render(dsg, iri, values);
 * </pre>
 */
public final class ThingPage {
    /** An article has an incoming arc from each of its hundreds of statements and targets: the page shows the first ones. */
    private static final int MAX_INCOMING_PER_PROPERTY = 25;
    private static final Set<Node> SHOWN_AS_EVIDENCE = Set.of(RDF.subject.asNode(), RDF.object.asNode(), OA.hasBody.asNode());

    /** A quote that supports a statement or mentions the thing; {@code statement} is null for a mention. */
    record Evidence(Node annotation, String exact, String prefix, String suffix, Node article, Node statement) {
    }

    /** How a statement's quotes support it: its mode, and a hedged one's modalities and the source's words. */
    record Support(Node mode, Set<Node> modalities, Set<String> hedges) {
    }

    private final DatasetGraph dsg;
    private final Node thing;
    private final Values values;
    private final Labels labels;
    private final Map<Node, Support> support = new LinkedHashMap<>();
    /** Whether this is the "all triples" part of the reader, which shows the article's text above it. */
    private final boolean inReader;
    private boolean charts;

    private ThingPage(DatasetGraph dsg, Node thing, Values values, boolean inReader) {
        this.dsg = dsg;
        this.thing = thing;
        this.values = values;
        this.labels = values.labels();
        this.inReader = inReader;
    }

    public static String render(DatasetGraph dsg, Node thing, Values values) {
        ThingPage page = new ThingPage(dsg, thing, values, false);
        String body = page.body();
        return Html.page(page.labels.en(thing), body, page.charts ? values.head().withScripts(Charts.SCRIPTS) : values.head());
    }

    /** The statements, incoming arcs and mentions of an article, for its reader: without the page around them or its text. */
    static String allTriples(DatasetGraph dsg, Node thing, Values values) {
        return new ThingPage(dsg, thing, values, true).body();
    }

    private String body() {
        Map<Triple, Set<Node>> outgoing = arcs(dsg.find(Node.ANY, thing, Node.ANY, Node.ANY));
        Map<Triple, Set<Node>> incoming = arcs(dsg.find(Node.ANY, Node.ANY, Node.ANY, thing));
        incoming.keySet().removeIf(t -> SHOWN_AS_EVIDENCE.contains(t.getPredicate()));
        Map<Triple, List<Evidence>> evidence = evidence();

        Html h = new Html();
        if (!inReader) {
            h.open("h1").text(labels.en(thing));
            labels.ru(thing).ifPresent(ru -> h.raw(" ").open("span", "class", "ru", "lang", "ru").text(ru).raw("</span>"));
            h.close("h1");
            h.element("p", thing.getURI(), "class", "iri");
        }
        h.open("p");
        String query = ServerQueries.withIris("open-in-sparql.rq", Map.of("thing", thing.getURI()));
        h.link(values.site().url("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)), "open in SPARQL");
        for (Representation r : Representation.RDF) {
            h.raw(" · ").link("?format=" + r.shortName(), r.name().equals("JSONLD") ? "JSON-LD" : label(r));
        }
        h.close("p");

        if (!inReader) {
            Map<String, Node> bind = Map.of("thing", thing);
            charts |= Charts.section(h, dsg, values, "timeline", "Memberships over time", "chart-timeline.rq", bind);
            charts |= Charts.section(h, dsg, values, "statistics", "Statistics of this indicator", "chart-statistics.rq", bind);
        }
        h.element("h2", "Statements (" + outgoing.size() + ")");
        table(h, outgoing, evidence, false);
        h.element("h2", "Incoming (" + incoming.size() + ")");
        table(h, incoming, evidence, true);
        List<Evidence> mentions = mentions();
        h.element("h2", "Mentioned in (" + mentions.size() + ")");
        for (Evidence e : mentions) {
            evidenceItem(h, e);
        }
        return h.toString();
    }

    private static String label(Representation r) {
        return switch (r) {
            case TURTLE -> "Turtle";
            case RDFXML -> "RDF/XML";
            case NTRIPLES -> "N-Triples";
            default -> r.name();
        };
    }

    private void table(Html h, Map<Triple, Set<Node>> arcs, Map<Triple, List<Evidence>> evidence, boolean incoming) {
        if (arcs.isEmpty()) {
            h.element("p", "none", "class", "muted");
            return;
        }
        Map<Node, Integer> perPredicate = new java.util.HashMap<>();
        h.open("table").open("tr");
        if (incoming) {
            h.element("th", "subject");
        }
        h.element("th", "property");
        if (!incoming) {
            h.element("th", "value");
        }
        h.element("th", "evidence").close("tr");
        for (Map.Entry<Triple, Set<Node>> arc : arcs.entrySet()) {
            Triple t = arc.getKey();
            int seen = perPredicate.merge(t.getPredicate(), 1, Integer::sum);
            if (incoming && seen > MAX_INCOMING_PER_PROPERTY) {
                if (seen == MAX_INCOMING_PER_PROPERTY + 1) {
                    long more = arcs.keySet().stream().filter(x -> x.getPredicate().equals(t.getPredicate())).count()
                            - MAX_INCOMING_PER_PROPERTY;
                    h.open("tr").open("td", "colspan", "3", "class", "muted")
                            .text("… and " + more + " more with " + labels.shortForm(t.getPredicate()) + " (open in SPARQL for all)")
                            .close("td").close("tr");
                }
                continue;
            }
            h.open("tr");
            if (incoming) {
                values.term(h.open("td"), t.getSubject()).close("td");
            }
            values.term(h.open("td"), t.getPredicate()).close("td");
            if (!incoming && inReader && t.getPredicate().equals(PSI.text) && t.getObject().isLiteral()) {
                // The reader above shows this text already: a second copy would double the page.
                String text = t.getObject().getLiteralLexicalForm();
                h.open("td").link("#reader", "the text above").raw(" ")
                        .element("span", "(" + text.codePointCount(0, text.length()) + " characters)", "class", "muted").close("td");
            } else if (!incoming) {
                values.term(h.open("td"), t.getObject()).close("td");
            }
            h.open("td");
            List<Evidence> quotes = evidence.getOrDefault(t, List.of());
            for (Evidence e : quotes) {
                evidenceItem(h, e);
            }
            for (Node g : arc.getValue()) {
                h.open("a", "class", "tag", "href", values.site().href(g), "title", "asserted in " + g.getURI())
                        .text(labels.shortForm(g)).raw("</a> ");
            }
            h.close("td").close("tr");
        }
        h.close("table");
    }

    private void evidenceItem(Html h, Evidence e) {
        values.quote(h, e.prefix(), e.exact(), e.suffix());
        h.open("p", "class", "muted");
        Support s = e.statement() == null ? null : support.get(e.statement());
        if (s != null) {
            assertionMode(h, s);
            h.raw(" · ");
        }
        if (e.article() != null) {
            h.raw("in ");
            values.term(h, e.article());
            h.raw(" · ");
        }
        ReaderPage.passageHref(e.annotation()).ifPresent(href ->
                h.open("a", "class", "in-reader", "href", values.site().url(href)).text("read in the article").raw("</a> · "));
        h.link(values.site().href(e.annotation()), "annotation");
        h.close("p");
    }

    /** The statement's mode as a tag ("annotator's reading"), and for a hedged one its modality and the source's words. */
    private void assertionMode(Html h, Support s) {
        String local = s.mode().isURI() ? s.mode().getLocalName().toLowerCase(java.util.Locale.ROOT) : "unknown";
        StringBuilder text = new StringBuilder(labels.en(s.mode()));
        for (Node m : s.modalities()) {
            text.append(": ").append(labels.en(m));
        }
        h.open("span", "class", "tag mode mode-" + local, "title", "assertion mode (psi:assertionMode)").text(text.toString()).raw("</span>");
        for (String hedge : s.hedges()) {
            h.raw(" ").open("q", "class", "hedge").text(hedge).raw("</q>");
        }
    }

    /** Distinct triples, sorted (predicate, object, subject by N-Triples text), each with the graphs that hold it. */
    private static Map<Triple, Set<Node>> arcs(java.util.Iterator<Quad> quads) {
        Map<Triple, Set<Node>> out = new TreeMap<>(Comparator
                .comparing((Triple t) -> NodeFmtLib.strNT(t.getPredicate()))
                .thenComparing(t -> NodeFmtLib.strNT(t.getObject()))
                .thenComparing(t -> NodeFmtLib.strNT(t.getSubject())));
        quads.forEachRemaining(q -> out.computeIfAbsent(q.asTriple(),
                k -> new TreeSet<>(Comparator.comparing(Node::getURI))).add(q.getGraph()));
        return out;
    }

    private Map<Triple, List<Evidence>> evidence() {
        Map<Triple, List<Evidence>> out = new LinkedHashMap<>();
        for (Binding b : ServerQueries.select(dsg, "evidence.rq", Map.of("thing", thing))) {
            Triple t = Triple.create(b.get(Var.alloc("s")), b.get(Var.alloc("p")), b.get(Var.alloc("o")));
            Evidence e = evidence(b);
            Node mode = b.get(Var.alloc("mode"));
            if (mode != null) {
                Support s = support.computeIfAbsent(e.statement(), k -> new Support(mode,
                        new TreeSet<>(Comparator.comparing(Node::getURI)), new TreeSet<>()));
                Node modality = b.get(Var.alloc("modality"));
                if (modality != null && modality.isURI()) {
                    s.modalities().add(modality);
                }
                Node hedge = b.get(Var.alloc("hedge"));
                if (hedge != null && hedge.isLiteral()) {
                    s.hedges().add(hedge.getLiteralLexicalForm());
                }
            }
            List<Evidence> list = out.computeIfAbsent(t, k -> new ArrayList<>());
            if (!list.contains(e)) {
                list.add(e);
            }
        }
        return out;
    }

    private List<Evidence> mentions() {
        List<Evidence> out = new ArrayList<>();
        for (Binding b : ServerQueries.select(dsg, "mentions.rq", Map.of("thing", thing))) {
            Evidence e = evidence(b);
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Evidence evidence(Binding b) {
        return new Evidence(b.get(Var.alloc("annotation")), lexical(b, "exact"), lexical(b, "prefix"), lexical(b, "suffix"),
                b.get(Var.alloc("article")), b.get(Var.alloc("statement")));
    }

    private static String lexical(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        return n == null ? null : n.getLiteralLexicalForm();
    }
}
