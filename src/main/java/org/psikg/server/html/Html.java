package org.psikg.server.html;

/**
 * A small HTML builder that escapes everything it is given: text and attribute values go
 * through {@link #escape}, so a literal holding {@code <script>} shows as text. Markup is
 * only ever written by the page classes, never taken from the data.
 * <pre>
 * Html h = new Html();
 * h.open("p", "class", "iri").text(iri).close("p");
 * String page = Html.page("Russia", h.toString(), PageHead.rdfAlternates());
 * </pre>
 */
public final class Html {
    private static final String STYLE = """
            body{font:16px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1b1b1b}
            h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
            a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}
            .iri,code,pre{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all}
            .ru{color:#555}.muted{color:#666;font-size:.85rem}nav a{margin-right:1rem}
            table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #eee;padding:.35rem .5rem;vertical-align:top;text-align:left}
            blockquote{margin:.25rem 0;padding:.25rem .6rem;border-left:3px solid #c9d7f2;background:#f7f9fd}
            mark{background:#fff1a8}.tag{font-size:.75rem;background:#eef;border-radius:3px;padding:0 .3rem}.mode-reading{background:#fde3c0}.mode-hedged{background:#e3efd2}
            pre{white-space:pre-wrap;background:#f6f6f6;padding:.6rem}
            header.site{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;border-bottom:1px solid #ddd;padding-bottom:.4rem}
            form.search input{width:18rem;padding:.25rem .4rem}form.search button{padding:.25rem .6rem}
            .counts{display:flex;flex-wrap:wrap;gap:1rem;margin:.5rem 0}.counts div{background:#f3f6fc;border-radius:6px;padding:.5rem .9rem}
            .counts b{display:block;font-size:1.5rem}.entries{columns:16rem}.entries li{break-inside:avoid}
            .chart{width:100%;height:22rem;border:1px solid #eee;margin:.5rem 0}details.query summary{cursor:pointer;color:#555;font-size:.85rem}
            .reader{font:17px/1.6 Georgia,serif;max-width:46rem}.reader p{margin:.6rem 0}
            .reader .furniture{color:#999;font-size:.85rem;font-family:system-ui,sans-serif}
            .reader a.hl{color:inherit;background:#fff1a8;border-bottom:2px solid #e0c200}.reader a.hl.d2{background:#ffd978}.reader a.hl.d3{background:#ffb35c}
            .reader a.hl:target,.reader a.hl.sel{outline:2px solid #d96b00}
            .panel{border:1px solid #d9c36b;background:#fffbea;padding:.4rem .7rem;margin:.4rem 0}.js .panel{display:none}.js .panel.open{display:block}.panel h3{margin:.2rem 0;font-size:1rem}
            .layout{display:grid;grid-template-columns:minmax(0,46rem) minmax(0,1fr);gap:1.5rem}.side{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto}
            .mode{font-size:.75rem;border-radius:3px;padding:0 .3rem;background:#e7f5e7}.hit mark{background:#ffe27a}
            ul.statements li>a:last-child{color:#666;font-size:.85rem}
            """;

    private final StringBuilder out = new StringBuilder();

    /** Escapes text for element content and for double- or single-quoted attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A whole page without alternates or scripts. */
    public static String page(String title, String body) {
        return page(title, body, PageHead.none());
    }

    /**
     * A whole page: the title, its alternates and scripts, the site navigation with the search
     * box, then the body.
     */
    public static String page(String title, String body, PageHead head) {
        StringBuilder b = new StringBuilder(body.length() + 2048);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>").append(escape(title)).append(" · psikg</title>\n");
        for (PageHead.Alternate a : head.alternates()) {
            b.append("<link rel=\"alternate\" type=\"").append(escape(a.mediaType())).append("\" href=\"")
                    .append(escape(a.href())).append("\">\n");
        }
        b.append("<style>").append(STYLE).append("</style>\n");
        for (String src : head.scripts()) {
            b.append("<script defer src=\"").append(escape(src)).append("\"></script>\n");
        }
        b.append("</head>\n<body>\n<header class=\"site\"><nav><a href=\"/\"><b>psikg</b></a><a href=\"/sparql\">SPARQL editor</a>")
                .append("<a href=\"/ontology\">ontology</a><a href=\"/psikg/sparql\">endpoint</a>")
                .append("<a href=\"/dumps/\">dumps</a><a href=\"/.well-known/void\">VoID</a></nav>")
                .append("<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">")
                .append("<input type=\"search\" name=\"q\" placeholder=\"Search labels, quotes, texts (en, ru)\" aria-label=\"search\">")
                .append("<button type=\"submit\">Search</button></form></header>\n")
                .append(body).append("\n</body>\n</html>\n");
        return b.toString();
    }

    /**
     * An element start tag with attributes given as name, value pairs. An {@code href} or
     * {@code src} that is not a path on this site or an http(s) or mailto URL is left out: an
     * IRI in the data such as {@code javascript:alert(1)} must not become a link that runs it.
     */
    public Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            String name = attributes[i];
            String value = attributes[i + 1];
            if ((name.equals("href") || name.equals("src")) && !isSafeUrl(value)) {
                continue;
            }
            out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        }
        out.append('>');
        return this;
    }

    /** A relative reference without a scheme, or an http, https or mailto URL. */
    static boolean isSafeUrl(String url) {
        String u = url.strip().toLowerCase(java.util.Locale.ROOT);
        int colon = u.indexOf(':');
        int end = u.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = u.indexOf(c);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        if (colon < 0 || colon > end) {
            // No scheme: a path, query or fragment on this site (a colon later, as in /a?b=c:d, is no scheme).
            return u.chars().noneMatch(c -> c < 0x20);
        }
        return u.startsWith("http:") || u.startsWith("https:") || u.startsWith("mailto:");
    }

    public Html close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    public Html text(String s) {
        out.append(escape(s));
        return this;
    }

    /** An element holding only text. */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    public Html link(String href, String text) {
        return open("a", "href", href).text(text).raw("</a>");
    }

    /** Markup this class or a page class wrote (another Html's output): never data. */
    public Html raw(String html) {
        out.append(html);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
