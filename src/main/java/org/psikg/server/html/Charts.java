package org.psikg.server.html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.psikg.server.ServerQueries;

/**
 * The pictures of a page: a section with a chart that {@code /ui/charts.js} draws with
 * Apache ECharts from the SPARQL shown under it (the .rq file with the page's IRIs in place),
 * and a link that opens that query in the editor. A section is written only when its query
 * has an answer. Callers hold a read transaction.
 * <pre>
 * Charts.section(h, dsg, values, "timeline", "Memberships", "chart-timeline.rq", Map.of("thing", iri));
 * </pre>
 */
public final class Charts {
    /** The scripts a page with charts loads: the ECharts bundle, then psikg's drawing code. */
    public static final String[] SCRIPTS = {"/ui/echarts/5.3.1/echarts.min.js", "/ui/charts.js"};

    private Charts() {
    }

    /** Writes the section and returns true, or writes nothing and returns false if the query has no answer. */
    public static boolean section(Html h, DatasetGraph dsg, Values values, String kind, String title, String queryFile,
                                  Map<String, Node> bindings) {
        if (ServerQueries.select(dsg, queryFile, bindings).isEmpty()) {
            return false;
        }
        Map<String, String> iris = new java.util.HashMap<>();
        bindings.forEach((k, v) -> iris.put(k, v.getURI()));
        String query = ServerQueries.withIris(queryFile, iris);
        String id = "query-" + kind;
        h.element("h2", title);
        h.open("div", "class", "chart", "id", "chart-" + kind, "data-chart", kind, "data-query", id).raw("</div>\n");
        h.open("details", "class", "query").open("summary").text("The SPARQL this picture is drawn from · ")
                .open("a", "href", values.site().url("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&run=1"),
                        "class", "open-query").text("open it in the editor").raw("</a>").close("summary");
        h.open("pre", "id", id, "class", "query").text(query).close("pre").close("details");
        return true;
    }
}
