package org.psikg.rdf;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.graph.GraphList;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.psikg.vocab.PSI;

/**
 * The ontology as the loader needs it: which IRIs are classes, individuals and properties,
 * what each property's objects must be, and the prefixes the ontology file declares (so
 * annotations may write {@code org:member}).
 * <pre>
 * Ontology ontology = Ontology.load(Path.of("ontology/psikg.ttl"), "ontology/psikg.ttl");
 * ontology.valueKind(PSI.term("startDate"));   // Optional[DATE]
 * </pre>
 */
public final class Ontology {
    private final Graph graph;
    private final Set<Node> classes;
    private final Set<Node> individuals;
    private final Map<Node, ValueKind> properties = new HashMap<>();

    private Ontology(Graph graph) {
        this.graph = graph;
        this.classes = subjectsOfType(OWL.Class.asNode());
        this.individuals = subjectsOfType(OWL.NamedIndividual.asNode());
        subjectsOfType(OWL.ObjectProperty.asNode()).forEach(p -> properties.put(p, ValueKind.THING));
        subjectsOfType(OWL.AnnotationProperty.asNode()).forEach(p -> properties.put(p, ValueKind.LANG_STRING));
        subjectsOfType(OWL.DatatypeProperty.asNode()).forEach(p -> properties.put(p, datatypeKind(p)));
        properties.put(RDF.type.asNode(), ValueKind.THING);
    }

    /** Reads the ontology; a syntax error is an {@link org.psikg.error.InputException} with line and column. */
    public static Ontology load(Path file, String name) {
        return new Ontology(RdfFiles.graph(file));
    }

    public Graph graph() {
        return graph;
    }

    public PrefixMapping prefixes() {
        return graph.getPrefixMapping();
    }

    public boolean isClass(Node n) {
        return classes.contains(n);
    }

    public boolean isIndividual(Node n) {
        return individuals.contains(n);
    }

    /** The kind of object a property takes; empty when the ontology does not declare it. */
    public Optional<ValueKind> valueKind(Node property) {
        return Optional.ofNullable(properties.get(property));
    }

    /** Whether the ontology declares {@code n} as a class, individual or property. */
    public boolean declares(Node n) {
        return classes.contains(n) || individuals.contains(n) || properties.containsKey(n);
    }

    /**
     * The declared term a bare local name stands for: the psi: term if there is one, else the
     * one term of another vocabulary with that local name ({@code member} is {@code org:member}).
     */
    public Optional<Node> byLocalName(String local) {
        Node psi = PSI.term(local);
        if (declares(psi)) {
            return Optional.of(psi);
        }
        List<Node> matches = new java.util.ArrayList<>();
        for (Set<Node> set : List.of(classes, individuals, properties.keySet())) {
            set.stream().filter(n -> n.isURI() && n.getLocalName().equals(local)).forEach(matches::add);
        }
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Local names of every declared psi: term, for "did you mean" hints. */
    public Set<String> psiLocalNames() {
        Set<String> names = new TreeSet<>();
        for (Set<Node> set : List.of(classes, individuals, properties.keySet())) {
            set.stream().filter(n -> n.isURI() && n.getURI().startsWith(PSI.NS))
                    .forEach(n -> names.add(n.getURI().substring(PSI.NS.length())));
        }
        return names;
    }

    private Set<Node> subjectsOfType(Node type) {
        Set<Node> out = new java.util.HashSet<>();
        graph.find(Node.ANY, RDF.type.asNode(), type).forEach(t -> {
            if (t.getSubject().isURI()) {
                out.add(t.getSubject());
            }
        });
        return out;
    }

    private ValueKind datatypeKind(Node property) {
        List<Node> ranges = graph.find(property, RDFS.range.asNode(), Node.ANY).mapWith(Triple::getObject).toList();
        for (Node range : ranges) {
            List<Node> members = range.isBlank()
                    ? graph.find(range, OWL.unionOf.asNode(), Node.ANY).mapWith(Triple::getObject)
                        .toList().stream().flatMap(list -> GraphList.members(new org.apache.jena.sparql.util.graph.GNode(graph, list)).stream()).toList()
                    : List.of(range);
            for (Node m : members) {
                ValueKind k = kindOf(m);
                if (k != null) {
                    return k;
                }
            }
        }
        return ValueKind.STRING;
    }

    private static ValueKind kindOf(Node datatype) {
        String uri = datatype.isURI() ? datatype.getURI() : "";
        if (uri.equals(XSD.date.getURI()) || uri.equals(XSD.gYear.getURI()) || uri.equals(XSD.gYearMonth.getURI())) {
            return ValueKind.DATE;
        }
        if (uri.equals(XSD.decimal.getURI()) || uri.equals(XSD.xdouble.getURI())) {
            return ValueKind.DECIMAL;
        }
        if (uri.equals(XSD.integer.getURI()) || uri.equals(XSD.nonNegativeInteger.getURI())
                || uri.equals(XSD.positiveInteger.getURI()) || uri.equals(XSD.xint.getURI())) {
            return ValueKind.INTEGER;
        }
        if (uri.equals(XSD.xboolean.getURI())) {
            return ValueKind.BOOLEAN;
        }
        if (uri.equals(RDF.langString.getURI())) {
            return ValueKind.LANG_STRING;
        }
        return uri.equals(XSD.xstring.getURI()) ? ValueKind.STRING : null;
    }
}
