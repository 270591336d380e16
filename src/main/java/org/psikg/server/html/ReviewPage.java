package org.psikg.server.html;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;
import org.psikg.review.ReviewItem;

/**
 * The HTML form of {@code psikg review}: each statement with its id, kind, assertion mode,
 * triple and quotes in context, for a reviewer to judge.
 * <pre>
 * String html = ReviewPage.render("Sample of 100 (seed 15)", items, prefixes);
 * </pre>
 */
public final class ReviewPage {
    private ReviewPage() {
    }

    public static String render(String title, List<ReviewItem> items, PrefixMapping prefixes) {
        Html h = new Html();
        h.element("h1", title);
        h.element("p", items.size() + " statement(s). Judge each against its quotes: stated (said outright), reading (a fair"
                + " reading the quote does not say), unsupported, or wrong; record the verdicts in seeds/review/*.yaml"
                + " (see docs/precision.md).", "class", "muted");
        h.open("ol");
        for (ReviewItem i : items) {
            h.open("li", "id", i.id());
            h.open("p").open("code").text(i.id()).close("code").raw(" ")
                    .element("span", i.kind().word(), "class", "tag")
                    .raw(" ").element("span", i.mode().toLowerCase(java.util.Locale.ROOT)
                            + (i.modality().isEmpty() ? "" : ": " + String.join(", ", i.modality())),
                            "class", "tag mode mode-" + i.mode().toLowerCase(java.util.Locale.ROOT))
                    .close("p");
            h.open("p").open("code").text(name(i.subject(), prefixes) + " " + name(i.predicate(), prefixes) + " "
                    + name(i.object(), prefixes)).close("code").close("p");
            for (ReviewItem.Quote q : i.quotes()) {
                h.open("blockquote").text(q.prefix() == null ? "" : q.prefix()).open("mark").text(q.exact()).close("mark")
                        .text(q.suffix() == null ? "" : q.suffix()).close("blockquote");
                if (q.file() != null) {
                    h.element("p", q.file() + ":" + q.line(), "class", "muted");
                }
            }
            h.close("li");
        }
        h.close("ol");
        return Html.page(title, h.toString());
    }

    private static String name(Node n, PrefixMapping prefixes) {
        if (n.isURI()) {
            String q = prefixes.qnameFor(n.getURI());
            return q != null ? q : "<" + n.getURI() + ">";
        }
        return NodeFmtLib.strNT(n);
    }
}
