package org.psikg.server.html;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.psikg.vocab.PsikgIris;

/**
 * The names pages show for IRIs: the English label ({@code rdfs:label}, else
 * {@code skos:prefLabel}, else {@code dcterms:title}) with the Russian one beside it, or,
 * for what has no label, a prefixed name ({@code psi:startDate}) or the path under psikg's
 * base ({@code article/x/statement/ab12}). Looked up in every graph; callers hold a read
 * transaction.
 * <pre>
 * Labels labels = new Labels(dsg, prefixes);
 * labels.en(russia);   // "Russia"
 * labels.ru(russia);   // Optional["Россия"]
 * </pre>
 */
public final class Labels {
    private static final Node[] LABELS = {RDFS.label.asNode(), SKOS.prefLabel.asNode(), DCTerms.title.asNode()};

    private final DatasetGraph dsg;
    private final PrefixMapping prefixes;
    private final Map<Node, String> en = new HashMap<>();
    private final Map<Node, Optional<String>> ru = new HashMap<>();

    public Labels(DatasetGraph dsg, PrefixMapping prefixes) {
        this.dsg = dsg;
        this.prefixes = prefixes;
    }

    /** The English name (or the language-less one, or a short form of the IRI). */
    public String en(Node n) {
        return en.computeIfAbsent(n, k -> label(k, "en").or(() -> label(k, "")).orElseGet(() -> shortForm(k)));
    }

    public Optional<String> ru(Node n) {
        return ru.computeIfAbsent(n, k -> label(k, "ru"));
    }

    /** A prefixed name, a path under psikg's base, or the IRI itself. */
    public String shortForm(Node n) {
        if (!n.isURI()) {
            return n.isBlank() ? "(blank node)" : n.toString();
        }
        String uri = n.getURI();
        if (uri.startsWith(PsikgIris.BASE) && !uri.startsWith(PsikgIris.BASE + "ontology#")) {
            return uri.substring(PsikgIris.BASE.length());
        }
        String qname = prefixes.qnameFor(uri);
        return qname != null ? qname : uri;
    }

    private Optional<String> label(Node n, String lang) {
        if (!n.isURI()) {
            return Optional.empty();
        }
        for (Node p : LABELS) {
            var it = dsg.find(Node.ANY, n, p, Node.ANY);
            Optional<String> best = Optional.empty();
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral() && o.getLiteralLanguage().equalsIgnoreCase(lang)) {
                    String s = o.getLiteralLexicalForm();
                    // The smallest of several labels, so that the page does not depend on index order.
                    if (best.isEmpty() || s.compareTo(best.get()) < 0) {
                        best = Optional.of(s);
                    }
                }
            }
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }
}
