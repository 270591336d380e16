package org.psikg.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.psikg.search.TextIndex;
import org.psikg.server.html.Html;
import org.psikg.server.html.Labels;
import org.psikg.server.html.PageHead;
import org.psikg.server.html.ReaderPage;
import org.psikg.server.html.Values;

/**
 * /search?q=WORDS: the full-text search ({@link TextIndex}) as a page of ranked hits, each
 * with its matched words marked and a link to the thing (an entity) or to the passage in the
 * article reader (a quote, an article); as JSON with {@code ?format=json} or
 * {@code Accept: application/json}. At most {@link #MAX_HITS} hits, and a query of at most
 * {@link #MAX_QUERY} characters.
 * <pre>
 * builder.addServlet("/search", new SearchServlet(data, settings));
 * </pre>
 */
public final class SearchServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int MAX_HITS = 50;
    static final int MAX_QUERY = 500;

    private final transient ServedData data;
    private final transient ServerSettings settings;

    public SearchServlet(ServedData data, ServerSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q");
        q = q == null ? "" : q.strip();
        if (q.length() > MAX_QUERY) {
            Representation.error(response, HttpServletResponse.SC_BAD_REQUEST, "the search text is longer than " + MAX_QUERY + " characters");
            return;
        }
        response.addHeader("Vary", "Accept");
        String format = request.getParameter("format");
        String accept = request.getHeader("Accept");
        boolean json = "json".equals(format) || (format == null && accept != null && accept.startsWith("application/json"));
        List<TextIndex.Hit> hits = q.isEmpty() ? List.of() : data.textIndex().search(q, MAX_HITS);
        if (json) {
            json(response, q, hits);
            return;
        }
        response.setHeader("Link", "<?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&format=json>; rel=\"alternate\"; type=\"application/json\"");
        Site site = Site.of(request, settings);
        String query = q;
        String page = Txn.calculateRead(data.dataset(), () -> page(query, hits,
                new Values(new Labels(data.dataset(), data.prefixes()), site, new PageHead(List.of(new PageHead.Alternate(
                        "application/json", "?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8) + "&format=json")),
                        List.of()))));
        Representation.writeHtml(response, page);
    }

    private static String page(String q, List<TextIndex.Hit> hits, Values values) {
        Html h = new Html();
        h.element("h1", q.isEmpty() ? "Search" : "Search: " + q);
        h.open("form", "class", "search", "action", "/search", "method", "get", "role", "search");
        h.open("input", "type", "search", "name", "q", "value", q, "aria-label", "search");
        h.open("button", "type", "submit").text("Search").raw("</button></form>\n");
        if (q.isEmpty()) {
            h.element("p", "Words in English or Russian: labels and aliases of every thing, the quotes of the annotations"
                    + " and the articles' texts are searched, each language with its own stemming.", "class", "muted");
            return Html.page("Search", h.toString(), values.head());
        }
        h.element("p", hits.size() + (hits.size() == MAX_HITS ? "+" : "") + " hits, best first.", "class", "muted", "id", "hit-count");
        h.open("ol", "class", "hits", "id", "hits");
        for (TextIndex.Hit hit : hits) {
            String href = switch (hit.kind()) {
                case ENTITY -> values.site().href(NodeFactory.createURI(hit.iri()));
                case QUOTE -> ReaderPage.passageHref(NodeFactory.createURI(hit.iri())).map(values.site()::url)
                        .orElse(values.site().href(NodeFactory.createURI(hit.iri())));
                case ARTICLE -> values.site().href(NodeFactory.createURI(hit.iri()));
            };
            h.open("li", "class", "hit", "data-kind", hit.kind().name().toLowerCase(java.util.Locale.ROOT));
            String name = switch (hit.kind()) {
                case ENTITY -> hit.name();
                case QUOTE -> "quote in " + values.labels().en(NodeFactory.createURI(hit.article()));
                case ARTICLE -> "text of " + hit.name();
            };
            h.open("a", "class", "hit-link", "href", href).text(name).raw("</a> ")
                    .element("span", hit.kind().name().toLowerCase(java.util.Locale.ROOT), "class", "tag");
            h.open("div", "class", "snippet");
            for (TextIndex.Piece p : hit.snippet()) {
                if (p.match()) {
                    h.open("mark").text(p.text()).raw("</mark>");
                } else {
                    h.text(p.text());
                }
            }
            h.close("div").close("li");
        }
        h.close("ol");
        return Html.page("Search: " + q, h.toString(), values.head());
    }

    private static void json(HttpServletResponse response, String q, List<TextIndex.Hit> hits) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("query", q);
        ArrayNode list = root.putArray("hits");
        for (TextIndex.Hit hit : hits) {
            ObjectNode o = list.addObject();
            o.put("kind", hit.kind().name().toLowerCase(java.util.Locale.ROOT));
            o.put("iri", hit.iri());
            o.put("name", hit.name());
            if (hit.article() != null) {
                o.put("article", hit.article());
            }
            o.put("score", hit.score());
            StringBuilder text = new StringBuilder();
            hit.snippet().forEach(p -> text.append(p.text()));
            o.put("snippet", text.toString());
        }
        byte[] bytes = mapper.writeValueAsBytes(root);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
