package org.psikg.server.html;

import java.util.List;
import org.psikg.server.Site;

/**
 * The plain page at / until the query UI is dropped into the ui/ resource folder: what the
 * server offers, with links, and a query form that sends its query to the endpoint (and is
 * filled from {@code ?query=}, which the entity pages' "open in SPARQL" links use).
 * <pre>
 * String html = IndexPage.render(site, request.getParameter("query"), docs);
 * </pre>
 */
public final class IndexPage {
    private static final String DEFAULT_QUERY = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?graph (COUNT(*) AS ?triples)
            WHERE { GRAPH ?graph { ?s ?p ?o } }
            GROUP BY ?graph
            ORDER BY ?graph
            """;

    private IndexPage() {
    }

    /** {@code docs}: the names of the documents served at /docs/. */
    public static String render(Site site, String query, List<String> docs) {
        Html h = new Html();
        h.element("h1", "psikg: the Post-Soviet Integration Knowledge Graph");
        h.element("p", "Russia's post-Soviet integration projects, the actors, power instruments and influence factors"
                + " behind them, as the annotated articles describe them; every statement traced to the quote that supports it.");
        h.element("h2", "Query");
        h.open("form", "method", "get", "action", site.endpoint());
        h.open("textarea", "name", "query", "rows", "12", "style", "width:100%;font-family:monospace")
                .text(query != null ? query : DEFAULT_QUERY).raw("</textarea>\n");
        h.open("p").text("results as ").open("select", "name", "format");
        for (String f : List.of("json", "xml", "csv", "tsv", "text")) {
            h.element("option", f, "value", f);
        }
        h.raw("</select> ").open("button", "type", "submit").text("Run query").raw("</button>").close("p");
        h.close("form");
        h.element("h2", "Endpoints and data");
        h.open("ul");
        item(h, site.endpoint(), "SPARQL 1.1 endpoint", "GET or POST ?query=; without a query, the service description");
        item(h, site.url("/psikg/data?default"), "Graph Store Protocol (read)", "?default (the union of all graphs) or ?graph=IRI");
        item(h, site.url("/ontology"), "The ontology", "every class and property, documented");
        item(h, site.url("/dumps/"), "Dumps", "TriG and N-Quads, gzipped, with SHA-256");
        item(h, site.url("/.well-known/void"), "VoID and DCAT description", "licence, graphs and their sizes, endpoint, dumps");
        item(h, site.url("/id/russia"), "An entity", "every IRI https://w3id.org/psikg/… is served here, in HTML and RDF");
        h.close("ul");
        if (!docs.isEmpty()) {
            h.element("h2", "Documentation");
            h.open("ul");
            for (String d : docs) {
                h.open("li").link(site.url("/docs/" + d), d).close("li");
            }
            h.close("ul");
        }
        return Html.page("psikg", h.toString());
    }

    private static void item(Html h, String href, String title, String note) {
        h.open("li").link(href, title).raw(": ").text(note).close("li");
    }
}
