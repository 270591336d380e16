package org.psikg.server.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.psikg.server.ServerQueries;
import org.psikg.vocab.PsikgIris;

/**
 * The article reader at /article/{id}: the whole text as the article reads, every annotated
 * passage highlighted (where passages overlap, the deeper the colour, the more passages; a
 * click selects the shortest), each with the anchor {@code #annotation-id} at its start; page
 * furniture greyed. Beside the text, for each passage, the statements it supports (with links
 * to their subjects and objects and the assertion mode when recorded) and what it is about;
 * {@code /ui/reader.js} shows the one selected. Under it, folded, every triple about the
 * article. Offsets are code points, as the selectors count them; PDF line breaks are joined
 * for display only ({@link #lineBreak}). Callers hold a read transaction.
 * <pre>
 * String html = ReaderPage.render(dsg, article, values);
 * </pre>
 */
public final class ReaderPage {
    /** A line shorter than this (in code points) ends its paragraph: a heading, a byline. */
    private static final int SHORT_LINE = 40;
    private static final Pattern ANNOTATION = Pattern.compile("(article/[^/#]+)/annotation/([^/#]+)");

    /** A passage of the text: an annotation or page furniture. */
    private record Passage(String id, Node annotation, int start, int end, boolean furniture) {
        int length() {
            return end - start;
        }
    }

    /** What a line break becomes on the screen. */
    enum Break { PARAGRAPH, SPACE, NOTHING }

    private ReaderPage() {
    }

    /** The reader's address of an annotation's passage, {@code /article/ID#ANNOTATION}, for an annotation IRI of psikg. */
    public static Optional<String> passageHref(Node annotation) {
        if (annotation == null || !annotation.isURI() || !annotation.getURI().startsWith(PsikgIris.BASE)) {
            return Optional.empty();
        }
        Matcher m = ANNOTATION.matcher(annotation.getURI().substring(PsikgIris.BASE.length()));
        return m.matches() ? Optional.of("/" + m.group(1) + "#" + m.group(2)) : Optional.empty();
    }

    /** Empty if {@code article} has no text (it is not an article). */
    public static Optional<String> render(DatasetGraph dsg, Node article, Values values) {
        List<Binding> text = ServerQueries.select(dsg, "reader-text.rq", Map.of("article", article));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Labels labels = values.labels();
        String body = text.get(0).get(Var.alloc("text")).getLiteralLexicalForm();
        Node titleNode = text.get(0).get(Var.alloc("title"));
        String title = titleNode == null ? labels.en(article) : titleNode.getLiteralLexicalForm();
        List<Passage> passages = passages(dsg, article);

        Html h = new Html();
        h.element("h1", title);
        h.element("p", article.getURI(), "class", "iri");
        long annotations = passages.stream().filter(p -> !p.furniture()).count();
        h.element("p", annotations + " annotated passages, highlighted; select one to see the statements it supports."
                + " Page furniture is greyed; line breaks of the source are joined for reading (the offsets are the file's).",
                "class", "muted");
        h.open("div", "class", "layout");
        h.open("article", "class", "reader", "id", "reader", "lang", language(dsg, article));
        text(h, body, passages);
        h.close("article");
        h.open("aside", "class", "side", "id", "statements");
        h.element("p", "Select a highlighted passage to see the statements it supports (¶ links each to the reified"
                + " statement and its provenance).", "class", "muted hint");
        panels(h, dsg, article, passages, values);
        h.close("aside");
        h.close("div");
        Node graph = org.apache.jena.graph.NodeFactory.createURI(PsikgIris.BASE + "graph/"
                + article.getURI().substring(article.getURI().lastIndexOf('/') + 1));
        boolean map = Charts.section(h, dsg, values, "argument", "The argument: its factors and what they affect",
                "chart-argument.rq", Map.of("graph", graph));
        h.open("details", "id", "all-triples").open("summary").text("All triples about this article").close("summary");
        h.raw(ThingPage.allTriples(dsg, article, values));
        h.close("details");
        return Optional.of(Html.page(title, h.toString(), (map ? values.head().withScripts("/ui/reader.js", Charts.SCRIPTS[0], Charts.SCRIPTS[1])
                : values.head().withScripts("/ui/reader.js"))));
    }

    private static String language(DatasetGraph dsg, Node article) {
        var it = dsg.find(Node.ANY, article, org.apache.jena.vocabulary.DCTerms.language.asNode(), Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : "en";
    }

    private static List<Passage> passages(DatasetGraph dsg, Node article) {
        List<Passage> out = new ArrayList<>();
        for (Binding b : ServerQueries.select(dsg, "reader-passages.rq", Map.of("article", article))) {
            int start = Integer.parseInt(b.get(Var.alloc("start")).getLiteralLexicalForm());
            int end = Integer.parseInt(b.get(Var.alloc("end")).getLiteralLexicalForm());
            boolean furniture = b.get(Var.alloc("kind")).getLiteralLexicalForm().equals("furniture");
            Node ann = b.get(Var.alloc("annotation"));
            String id = furniture ? null : ann.getURI().substring(ann.getURI().lastIndexOf('/') + 1);
            out.add(new Passage(id, ann, start, end, furniture));
        }
        return out;
    }

    /**
     * The text cut at every passage's start and end; each piece is plain, furniture, or
     * highlighted by the passages that cover it (linked to the shortest of them).
     */
    private static void text(Html h, String body, List<Passage> passages) {
        int[] cps = body.codePoints().toArray();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, cps.length));
        for (Passage p : passages) {
            cuts.add(Math.min(p.start(), cps.length));
            cuts.add(Math.min(p.end(), cps.length));
        }
        Break[] breaks = lineBreaks(cps);
        Integer from = null;
        for (int to : cuts) {
            if (from != null && to > from) {
                int a = from;
                int b = to;
                for (Passage p : passages) {
                    if (!p.furniture() && p.start() == a) {
                        h.open("span", "class", "anchor", "id", p.id()).raw("</span>");
                    }
                }
                List<Passage> covering = passages.stream().filter(p -> p.start() <= a && p.end() >= b).toList();
                boolean furniture = covering.stream().anyMatch(Passage::furniture);
                List<Passage> annotations = covering.stream().filter(p -> !p.furniture())
                        .sorted((x, y) -> x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.id().compareTo(y.id()))
                        .toList();
                if (furniture) {
                    h.open("span", "class", "furniture", "title", "page furniture: not article content");
                } else if (!annotations.isEmpty()) {
                    h.open("a", "class", "hl d" + Math.min(annotations.size(), 3), "href", "#" + annotations.get(0).id(),
                            "data-ann", String.join(" ", annotations.stream().map(Passage::id).toList()));
                }
                piece(h, cps, breaks, a, b);
                if (furniture) {
                    h.raw("</span>");
                } else if (!annotations.isEmpty()) {
                    h.raw("</a>");
                }
            }
            from = to;
        }
    }

    private static void piece(Html h, int[] cps, Break[] breaks, int from, int to) {
        StringBuilder run = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (cps[i] == '\n') {
                h.text(run.toString());
                run.setLength(0);
                switch (breaks[i]) {
                    case PARAGRAPH -> h.raw("<br><br>");
                    case SPACE -> h.text(" ");
                    case NOTHING -> { }
                }
            } else {
                run.appendCodePoint(cps[i]);
            }
        }
        h.text(run.toString());
    }

    /**
     * What each line break of the text shows as. A run of line breaks ends a paragraph after
     * a sentence's end, a short line (a heading) or before an indented line. Inside a
     * paragraph it is the line wrap of a PDF: after a space it is dropped; after a hyphen
     * between letters too (the hyphen stays); between a letter and a small letter it is
     * dropped in a text that wraps after spaces ({@link #spaceWrapped}), where such a wrap is
     * a word whose hyphen the extraction lost; otherwise it is a space. Only the first break
     * of a run shows.
     */
    static Break[] lineBreaks(int[] cps) {
        Break[] out = new Break[cps.length];
        boolean spaceWrapped = spaceWrapped(cps);
        int lineStart = 0;
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] != '\n') {
                continue;
            }
            int j = i;
            while (j < cps.length && (cps[j] == '\n' || cps[j] == '\r')) {
                j++;
            }
            int prev = i > 0 ? cps[i - 1] : '\n';
            int next = j < cps.length ? cps[j] : '\n';
            Break b;
            if (i == 0 || j == cps.length || ".!?:;\"”»)".indexOf(prev) >= 0 || i - lineStart < SHORT_LINE || next == ' '
                    || next == '\t' || next == '•' || next == '-' || next == '–' || next == '—') {
                b = Break.PARAGRAPH;
            } else if (prev == ' ' || (spaceWrapped && Character.isLetter(prev) && Character.isLowerCase(next))
                    || (prev == '-' && i > 1 && Character.isLetter(cps[i - 2]) && Character.isLetter(next))) {
                b = Break.NOTHING;
            } else {
                b = Break.SPACE;
            }
            out[i] = b;
            for (int k = i + 1; k < j; k++) {
                out[k] = Break.NOTHING;
            }
            lineStart = j;
            i = j - 1;
        }
        return out;
    }

    /**
     * Whether the text wraps its lines after a space (as the PDF extraction of seed 002
     * does): then a wrap between two letters is a word the PDF hyphenated.
     */
    private static boolean spaceWrapped(int[] cps) {
        int afterSpace = 0;
        int afterLetter = 0;
        for (int i = 1; i + 1 < cps.length; i++) {
            if (cps[i] == '\n' && cps[i + 1] != '\n' && cps[i - 1] != '\n') {
                if (cps[i - 1] == ' ') {
                    afterSpace++;
                } else if (Character.isLetter(cps[i - 1])) {
                    afterLetter++;
                }
            }
        }
        return afterSpace > afterLetter;
    }

    private static void panels(Html h, DatasetGraph dsg, Node article, List<Passage> passages, Values values) {
        Map<Node, List<Binding>> statements = new LinkedHashMap<>();
        Map<Node, List<Node>> bodies = new LinkedHashMap<>();
        for (Binding b : ServerQueries.select(dsg, "reader-statements.rq", Map.of("article", article))) {
            Node ann = b.get(Var.alloc("annotation"));
            if (b.get(Var.alloc("body")) != null) {
                bodies.computeIfAbsent(ann, k -> new ArrayList<>()).add(b.get(Var.alloc("body")));
            } else {
                statements.computeIfAbsent(ann, k -> new ArrayList<>()).add(b);
            }
        }
        for (Passage p : passages) {
            if (p.furniture()) {
                continue;
            }
            h.open("section", "class", "panel", "id", "statements-" + p.id(), "data-ann", p.id());
            h.open("h3").open("a", "href", "#" + p.id()).text(p.id()).raw("</a>").close("h3");
            List<Binding> rows = statements.getOrDefault(p.annotation(), List.of());
            // The assertion mode once for the panel when its statements share it (most do), else on each line.
            List<Node> modes = rows.stream().map(b -> b.get(Var.alloc("mode"))).distinct().toList();
            Node shared = modes.size() == 1 ? modes.get(0) : null;
            StringBuilder intro = new StringBuilder(rows.isEmpty() ? "Supports no statement: it identifies what it mentions."
                    : "Supports " + rows.size() + (rows.size() == 1 ? " statement" : " statements"));
            if (shared != null) {
                intro.append(rows.size() == 1 ? ", " : ", all ").append(modeLabel(shared, values));
            }
            h.element("p", intro + (rows.isEmpty() ? "" : ":"), "class", "muted");
            Map<Node, List<Binding>> bySubject = new LinkedHashMap<>();
            rows.forEach(b -> bySubject.computeIfAbsent(b.get(Var.alloc("s")), k -> new ArrayList<>()).add(b));
            bySubject.forEach((subject, about) -> {
                h.open("div", "class", "subject");
                values.compactTerm(h, subject);
                h.open("ul", "class", "statements");
                for (Binding b : about) {
                    h.open("li");
                    values.compactTerm(h, b.get(Var.alloc("p"))).raw(" → ");
                    values.compactTerm(h, b.get(Var.alloc("o")));
                    Node mode = b.get(Var.alloc("mode"));
                    if (shared == null && mode != null) {
                        h.raw(" ").element("span", modeLabel(mode, values), "class", "mode");
                    }
                    // The last link of a line: its reified statement (the panel's legend says so).
                    h.raw(" ").open("a", "href", path(b.get(Var.alloc("statement")))).text("¶").raw("</a>");
                    h.close("li");
                }
                h.close("ul").close("div");
            });
            List<Node> about = bodies.getOrDefault(p.annotation(), List.of());
            if (!about.isEmpty()) {
                h.open("p").text("About: ");
                for (int i = 0; i < about.size(); i++) {
                    if (i > 0) {
                        h.raw(", ");
                    }
                    values.compactTerm(h, about.get(i));
                }
                h.close("p");
            }
            h.open("p", "class", "muted").link(path(p.annotation()), "the annotation").close("p");
            h.close("section");
        }
    }

    private static String modeLabel(Node mode, Values values) {
        return mode.isURI() ? values.labels().en(mode) : mode.getLiteralLexicalForm();
    }

    private static String path(Node psikgIri) {
        return "/" + psikgIri.getURI().substring(PsikgIris.BASE.length());
    }
}
