package org.psikg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The W3C PROV-O terms psikg writes (Jena ships no constants for PROV-O). */
public final class PROV {
    public static final String NS = "http://www.w3.org/ns/prov#";

    public static final Node wasDerivedFrom = NodeFactory.createURI(NS + "wasDerivedFrom");
    public static final Node hadPrimarySource = NodeFactory.createURI(NS + "hadPrimarySource");

    private PROV() {
    }
}
