package org.psikg.server.html;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.psikg.server.Site;

/**
 * How pages show RDF terms: an IRI as a link (psikg's own IRIs to their page on this server)
 * named by its label, with the Russian label beside it; a literal as escaped text with its
 * language or datatype; a long literal (an article's text) folded away.
 * <pre>
 * new Values(labels, site).term(html, node);
 * </pre>
 */
public final class Values {
    private static final int LONG = 400;

    private final Labels labels;
    private final Site site;

    private final PageHead head;

    /** For a linked-data page, whose RDF is at {@code ?format=}. */
    public Values(Labels labels, Site site) {
        this(labels, site, PageHead.rdfAlternates());
    }

    public Values(Labels labels, Site site, PageHead head) {
        this.labels = labels;
        this.site = site;
        this.head = head;
    }

    /** The head of the page being written: its alternates and scripts. */
    public PageHead head() {
        return head;
    }

    public Labels labels() {
        return labels;
    }

    public Site site() {
        return site;
    }

    /** Writes one term. */
    public Html term(Html h, Node n) {
        if (n.isURI()) {
            h.open("a", "href", site.href(n), "title", n.getURI()).text(labels.en(n)).raw("</a>");
            labels.ru(n).ifPresent(ru -> h.raw(" ").open("span", "class", "ru", "lang", "ru").text(ru).raw("</span>"));
            return h;
        }
        if (n.isLiteral()) {
            String lex = n.getLiteralLexicalForm();
            String lang = n.getLiteralLanguage();
            if (lex.length() > LONG) {
                h.open("details").open("summary").text(lex.substring(0, 160).replaceAll("\\s+", " ") + "…")
                        .raw(" ").element("span", lex.codePointCount(0, lex.length()) + " characters", "class", "muted")
                        .close("summary");
                h.open("pre", lang.isEmpty() ? new String[0] : new String[] {"lang", lang}).text(lex).close("pre").close("details");
                return h;
            }
            if (!lang.isEmpty()) {
                h.open("span", "lang", lang).text(lex).raw("</span> ").element("span", "@" + lang, "class", "tag");
            } else if (!n.getLiteralDatatypeURI().equals(XSDDatatype.XSDstring.getURI())) {
                h.text(lex).raw(" ").element("span", labels.shortForm(org.apache.jena.graph.NodeFactory.createURI(
                        n.getLiteralDatatypeURI())), "class", "tag");
            } else {
                h.text(lex);
            }
            return h;
        }
        return h.element("span", "(blank node)", "class", "muted");
    }

    /**
     * One term in few bytes, for the long lists of the reader: a link by its label to a path
     * of this site (or the IRI elsewhere), without the Russian label; a literal as its text.
     */
    public Html compactTerm(Html h, Node n) {
        if (n.isURI()) {
            String uri = n.getURI();
            String href = uri.startsWith(org.psikg.vocab.PsikgIris.BASE) ? "/" + uri.substring(org.psikg.vocab.PsikgIris.BASE.length()) : uri;
            return h.open("a", "href", href).text(labels.en(n)).raw("</a>");
        }
        if (n.isLiteral()) {
            String lex = n.getLiteralLexicalForm();
            return h.open("q").text(lex.length() > LONG ? lex.substring(0, LONG) + "…" : lex).raw("</q>");
        }
        return h.element("span", "(blank node)", "class", "muted");
    }

    /** A quote shown in its context: the text before, the quote marked, the text after. */
    public Html quote(Html h, String prefix, String exact, String suffix) {
        h.open("blockquote");
        if (prefix != null) {
            h.text("…" + prefix);
        }
        h.open("mark").text(exact).raw("</mark>");
        if (suffix != null) {
            h.text(suffix + "…");
        }
        return h.close("blockquote");
    }
}
