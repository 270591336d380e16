package org.psikg.server.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.graph.GNode;
import org.apache.jena.sparql.util.graph.GraphList;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.psikg.server.ServerQueries;
import org.psikg.vocab.PSI;
import org.psikg.vocab.PsikgIris;

/**
 * The ontology as an HTML reference: every class, property and named individual the
 * ontology graph declares (psikg's own first, then the reused ones), each with its labels in
 * English and Russian, its definition, its place in the hierarchy, its domain and range, its
 * characteristics, and how often the data uses it. Each term has an anchor named after its
 * local name ({@code /ontology#State}), so the ontology's hash IRIs land on their entry.
 * Callers hold a read transaction.
 * <pre>
 * String html = OntologyPage.render(dsg, values);
 * </pre>
 */
public final class OntologyPage {
    private enum Kind {
        CLASS("Classes", OWL.Class.asNode()),
        OBJECT_PROPERTY("Object properties", OWL.ObjectProperty.asNode()),
        DATATYPE_PROPERTY("Datatype properties", OWL.DatatypeProperty.asNode()),
        ANNOTATION_PROPERTY("Annotation properties", OWL.AnnotationProperty.asNode()),
        INDIVIDUAL("Named individuals", OWL.NamedIndividual.asNode());

        final String title;
        final Node type;

        Kind(String title, Node type) {
            this.title = title;
            this.type = type;
        }
    }

    private static final Set<Node> CHARACTERISTICS = Set.of(OWL.FunctionalProperty.asNode(),
            OWL.InverseFunctionalProperty.asNode(), OWL.SymmetricProperty.asNode(), OWL.TransitiveProperty.asNode(),
            OWL2.ASYMMETRIC, OWL2.REFLEXIVE, OWL2.IRREFLEXIVE);

    private final DatasetGraph dsg;
    private final Graph onto;
    private final Values values;
    private final Labels labels;
    private final Map<Node, Long> usage = new HashMap<>();

    private OntologyPage(DatasetGraph dsg, Values values) {
        this.dsg = dsg;
        this.onto = dsg.getGraph(PsikgIris.ONTOLOGY_GRAPH);
        this.values = values;
        this.labels = values.labels();
        for (String q : List.of("class-usage.rq", "property-usage.rq")) {
            for (Binding b : ServerQueries.select(dsg, q, Map.of("ontology", PsikgIris.ONTOLOGY_GRAPH))) {
                usage.merge(b.get(Var.alloc("term")), ((Number) b.get(Var.alloc("uses")).getLiteralValue()).longValue(), Long::sum);
            }
        }
    }

    public static String render(DatasetGraph dsg, Values values) {
        return new OntologyPage(dsg, values).render();
    }

    private String render() {
        Html h = new Html();
        Node ontologyIri = onto.find(Node.ANY, RDF.type.asNode(), OWL.Ontology.asNode()).mapWith(Triple::getSubject)
                .nextOptional().orElse(null);
        String title = ontologyIri != null ? labels.en(ontologyIri) : "psikg ontology";
        h.element("h1", title);
        if (ontologyIri != null) {
            h.element("p", ontologyIri.getURI(), "class", "iri");
            for (Node p : List.of(org.apache.jena.vocabulary.DCTerms.description.asNode(), OWL.versionInfo.asNode(),
                    org.apache.jena.vocabulary.DCTerms.license.asNode())) {
                objects(ontologyIri, p).forEach(o -> values.term(h.open("p"), o).close("p"));
            }
        }
        h.open("p");
        for (var r : org.psikg.server.Representation.RDF) {
            h.link("?format=" + r.shortName(), r.mediaType()).raw(" ");
        }
        h.close("p");
        Map<Kind, List<Node>> terms = terms();
        h.open("ul");
        for (Kind k : Kind.values()) {
            h.open("li").link("#" + k.name().toLowerCase(java.util.Locale.ROOT), k.title + " (" + terms.get(k).size() + ")").close("li");
        }
        h.close("ul");
        for (Kind k : Kind.values()) {
            h.element("h2", k.title, "id", k.name().toLowerCase(java.util.Locale.ROOT));
            for (Node term : terms.get(k)) {
                entry(h, term, k);
            }
        }
        return Html.page("Ontology", h.toString(), values.head());
    }

    private Map<Kind, List<Node>> terms() {
        Map<Kind, List<Node>> out = new LinkedHashMap<>();
        Comparator<Node> order = Comparator.comparing((Node n) -> !n.getURI().startsWith(PSI.NS))
                .thenComparing(n -> labels.shortForm(n));
        for (Kind k : Kind.values()) {
            Set<Node> set = new TreeSet<>(order);
            onto.find(Node.ANY, RDF.type.asNode(), k.type).forEach(t -> {
                if (t.getSubject().isURI()) {
                    set.add(t.getSubject());
                }
            });
            out.put(k, new ArrayList<>(set));
        }
        return out;
    }

    /** The anchor of a term: its local name for psi: terms, its prefixed name (":" as "-") for the rest. */
    public static String anchor(Node term, Labels labels) {
        String uri = term.getURI();
        return uri.startsWith(PSI.NS) ? uri.substring(PSI.NS.length()) : labels.shortForm(term).replace(':', '-');
    }

    private void entry(Html h, Node term, Kind kind) {
        h.open("section", "id", anchor(term, labels));
        h.open("h3").text(labels.shortForm(term)).raw(" ");
        h.open("span").text(labels.en(term)).raw("</span>");
        labels.ru(term).ifPresent(ru -> h.raw(" · ").open("span", "class", "ru", "lang", "ru").text(ru).raw("</span>"));
        h.close("h3");
        h.element("p", term.getURI(), "class", "iri");
        for (Node p : List.of(SKOS.definition.asNode(), RDFS.comment.asNode(), SKOS.scopeNote.asNode())) {
            objects(term, p).stream().filter(o -> o.isLiteral() && !o.getLiteralLanguage().equals("ru"))
                    .forEach(o -> h.element("p", o.getLiteralLexicalForm()));
        }
        h.open("table");
        switch (kind) {
            case CLASS -> {
                row(h, "subclass of", objects(term, RDFS.subClassOf.asNode()));
                row(h, "subclasses", subjects(RDFS.subClassOf.asNode(), term));
                row(h, "disjoint with", objects(term, OWL.disjointWith.asNode()));
                usageRow(h, term, "instances in the data");
            }
            case INDIVIDUAL -> {
                List<Node> types = objects(term, RDF.type.asNode());
                types.remove(OWL.NamedIndividual.asNode());
                row(h, "a", types);
                h.open("tr").element("th", "times used as a value in the data").element("td", Long.toString(valueUses(term))).close("tr");
            }
            default -> {
                row(h, "subproperty of", objects(term, RDFS.subPropertyOf.asNode()));
                row(h, "subproperties", subjects(RDFS.subPropertyOf.asNode(), term));
                row(h, "domain", objects(term, RDFS.domain.asNode()));
                row(h, "range", objects(term, RDFS.range.asNode()));
                row(h, "inverse of", objects(term, OWL.inverseOf.asNode()));
                List<Node> characteristics = objects(term, RDF.type.asNode());
                characteristics.retainAll(CHARACTERISTICS);
                row(h, "characteristics", characteristics);
                usageRow(h, term, "triples in the data");
            }
        }
        h.close("table").close("section");
    }

    private void usageRow(Html h, Node term, String what) {
        h.open("tr").element("th", what).element("td", Long.toString(usage.getOrDefault(term, 0L))).close("tr");
    }

    /** Triples outside the ontology graph whose object is {@code term} (a status, a unit...). */
    private long valueUses(Node term) {
        long[] n = {0};
        dsg.find(Node.ANY, Node.ANY, Node.ANY, term).forEachRemaining(q -> {
            if (!q.getGraph().equals(PsikgIris.ONTOLOGY_GRAPH)) {
                n[0]++;
            }
        });
        return n[0];
    }

    private void row(Html h, String name, List<Node> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        h.open("tr").element("th", name).open("td");
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                h.raw(", ");
            }
            term(h, nodes.get(i));
        }
        h.close("td").close("tr");
    }

    /** A term: a link to its entry on this page if the ontology declares it, a class expression spelled out if blank. */
    private void term(Html h, Node n) {
        if (n.isURI()) {
            boolean declared = onto.find(n, RDF.type.asNode(), Node.ANY).hasNext();
            if (declared) {
                h.open("a", "href", "#" + anchor(n, labels), "title", n.getURI()).text(labels.shortForm(n)).raw("</a>");
            } else {
                h.open("a", "href", n.getURI()).text(labels.shortForm(n)).raw("</a>");
            }
            return;
        }
        if (n.isBlank()) {
            Optional<Node> union = objects(n, OWL.unionOf.asNode()).stream().findFirst();
            Optional<Node> onProperty = objects(n, OWL.onProperty.asNode()).stream().findFirst();
            if (union.isPresent()) {
                List<Node> members = GraphList.members(new GNode(onto, union.get()));
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        h.raw(" ∪ ");
                    }
                    term(h, members.get(i));
                }
            } else if (onProperty.isPresent()) {
                h.text("restriction on ");
                term(h, onProperty.get());
                for (Node p : List.of(OWL.allValuesFrom.asNode(), OWL.someValuesFrom.asNode(), OWL.hasValue.asNode())) {
                    for (Node o : objects(n, p)) {
                        h.raw(" ").text(p.getLocalName()).raw(" ");
                        term(h, o);
                    }
                }
            } else {
                h.element("span", "(class expression)", "class", "muted");
            }
            return;
        }
        h.text(n.getLiteralLexicalForm());
    }

    private List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>(onto.find(s, p, Node.ANY).mapWith(Triple::getObject).toList());
        out.sort(Comparator.comparing(Node::toString));
        return out;
    }

    private List<Node> subjects(Node p, Node o) {
        List<Node> out = new ArrayList<>(onto.find(Node.ANY, p, o).mapWith(Triple::getSubject).filterKeep(Node::isURI).toList());
        out.sort(Comparator.comparing(Node::toString));
        return out;
    }

    /** OWL 2 terms Jena's OWL class lacks. */
    private static final class OWL2 {
        static final Node ASYMMETRIC = org.apache.jena.graph.NodeFactory.createURI(OWL.NS + "AsymmetricProperty");
        static final Node REFLEXIVE = org.apache.jena.graph.NodeFactory.createURI(OWL.NS + "ReflexiveProperty");
        static final Node IRREFLEXIVE = org.apache.jena.graph.NodeFactory.createURI(OWL.NS + "IrreflexiveProperty");
    }
}
