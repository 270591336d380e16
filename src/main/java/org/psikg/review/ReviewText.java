package org.psikg.review;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;

/** The plain-text forms of a review: the statements with their quotes, and the summary table. */
public final class ReviewText {
    private ReviewText() {
    }

    /**
     * One block per statement: its id, kind and mode; the triple; each quote with up to 32
     * characters either side, the quote itself in [[ ]]; the annotation's place.
     */
    public static void items(List<ReviewItem> items, PrefixMapping prefixes, PrintWriter out) {
        int n = 0;
        for (ReviewItem i : items) {
            out.printf("%d. %s  [%s; %s%s]%n", ++n, i.id(), i.kind().word(), mode(i.mode()),
                    i.modality().isEmpty() ? "" : ": " + String.join(", ", i.modality()));
            out.printf("   %s %s %s%n", name(i.subject(), prefixes), name(i.predicate(), prefixes), name(i.object(), prefixes));
            for (ReviewItem.Quote q : i.quotes()) {
                out.printf("   > %s[[%s]]%s%n", oneLine(q.prefix()), oneLine(q.exact()), oneLine(q.suffix()));
                if (q.file() != null) {
                    out.printf("     %s:%d%n", q.file(), q.line());
                }
            }
        }
        out.printf("%d statement(s)%n", items.size());
    }

    public static void summary(Summary s, PrintWriter out) {
        out.printf("%-16s %6s %7s %8s %7s %12s %6s %10s %7s%n", "kind", "judged", "stated", "readings", "marked", "unsupported", "wrong",
                "precision", "honest");
        for (Map.Entry<StatementKind, Summary.Row> e : s.byKind().entrySet()) {
            row(out, e.getKey().word(), e.getValue());
        }
        row(out, "all", s.total());
    }

    private static void row(PrintWriter out, String kind, Summary.Row r) {
        out.printf("%-16s %6d %7d %8d %7d %12d %6d %9.1f%% %7d%n", kind, r.judged(), r.stated(), r.readings(), r.markedReadings(),
                r.unsupported(), r.wrong(), r.precision(), r.honest());
    }

    private static String mode(String local) {
        return switch (local) {
            case "Stated" -> "stated";
            case "Reading" -> "reading";
            case "Hedged" -> "hedged";
            default -> "no mode";
        };
    }

    private static String name(Node n, PrefixMapping prefixes) {
        if (n.isURI()) {
            String q = prefixes.qnameFor(n.getURI());
            return q != null ? q : "<" + n.getURI() + ">";
        }
        return NodeFmtLib.strNT(n);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }
}
