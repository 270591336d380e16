package org.psikg.server.html;

import java.util.List;
import org.psikg.server.Representation;

/**
 * What a page declares in its head besides its title: its other representations
 * ({@code <link rel="alternate">}, the same list as the {@code Link} header of its answer)
 * and the scripts of this server it runs (the reader's, the charts').
 * <pre>
 * PageHead head = PageHead.rdfAlternates().withScripts("/ui/echarts/5.3.1/echarts.min.js", "/ui/charts.js");
 * </pre>
 */
public record PageHead(List<Alternate> alternates, List<String> scripts) {

    /** Another representation of the page: its media type and a (relative) address. */
    public record Alternate(String mediaType, String href) {
    }

    public static PageHead none() {
        return new PageHead(List.of(), List.of());
    }

    /** The RDF representations of a linked-data page, each at {@code ?format=NAME} of the page's own address. */
    public static PageHead rdfAlternates() {
        return alternates(Representation.RDF);
    }

    /** The representations of {@code offers} other than HTML, each at {@code ?format=NAME} of the page's own address. */
    public static PageHead alternates(List<Representation> offers) {
        return new PageHead(offers.stream().filter(r -> r != Representation.HTML)
                .map(r -> new Alternate(r.mediaType(), "?format=" + r.shortName())).toList(), List.of());
    }

    public PageHead withScripts(String... srcs) {
        return new PageHead(alternates, List.of(srcs));
    }

    /** The value of the {@code Link} header that lists the alternates (RFC 8288). */
    public String linkHeader() {
        return String.join(", ", alternates.stream()
                .map(a -> "<" + a.href() + ">; rel=\"alternate\"; type=\"" + a.mediaType() + "\"").toList());
    }
}
