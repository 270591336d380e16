package org.psikg.validate.report;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;

/** Short, readable names of nodes for reports: prefixed where a prefix fits, N-Triples otherwise. */
final class Names {
    private Names() {
    }

    static String of(Node n, PrefixMapping prefixes) {
        if (n == null) {
            return "";
        }
        if (n.isURI()) {
            String q = prefixes.qnameFor(n.getURI());
            return q != null ? q : "<" + n.getURI() + ">";
        }
        return NodeFmtLib.strNT(n);
    }
}
