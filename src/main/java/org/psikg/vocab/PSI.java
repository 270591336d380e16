package org.psikg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms of the psikg ontology that the code itself writes. Every one is checked against
 * ontology/psikg.ttl by a test, so a rename in the ontology cannot go unnoticed.
 */
public final class PSI {
    public static final String NS = "https://w3id.org/psikg/ontology#";

    public static final Node Article = term("Article");
    public static final Node UnicodeCodePoint = term("UnicodeCodePoint");
    public static final Node offsetUnit = term("offsetUnit");
    public static final Node pageFurniture = term("pageFurniture");
    public static final Node sha256 = term("sha256");
    public static final Node characterCount = term("characterCount");
    public static final Node textFile = term("textFile");
    public static final Node sourceFile = term("sourceFile");
    public static final Node sourceLine = term("sourceLine");
    public static final Node text = term("text");
    public static final Node sourceColumn = term("sourceColumn");
    public static final Node assertionMode = term("assertionMode");
    public static final Node modality = term("modality");
    public static final Node hedge = term("hedge");
    public static final Node Stated = term("Stated");
    public static final Node Reading = term("Reading");
    public static final Node Hedged = term("Hedged");

    private PSI() {
    }

    public static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
