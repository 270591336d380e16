package org.psikg.vocab;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;

/** The prefixes psikg writes and prints with: its own namespaces and the vocabularies it reuses. */
public final class Prefixes {
    public static final String SHAPES_NS = "https://w3id.org/psikg/shapes#";

    private Prefixes() {
    }

    /** A new, modifiable mapping. */
    public static PrefixMapping common() {
        PrefixMapping p = PrefixMapping.Factory.create();
        p.setNsPrefixes(PrefixMapping.Standard);
        p.setNsPrefix("psi", PSI.NS);
        p.setNsPrefix("psish", SHAPES_NS);
        p.setNsPrefix("id", PsikgIris.ID);
        p.setNsPrefix("oa", OA.NS);
        p.setNsPrefix("prov", PROV.NS);
        p.setNsPrefix("org", ORG.NS);
        p.setNsPrefix("void", VOID.NS);
        p.setNsPrefix("dcat", DCAT.NS);
        p.setNsPrefix("dcterms", DCTerms.NS);
        p.setNsPrefix("skos", SKOS.uri);
        p.setNsPrefix("schema", "http://schema.org/");
        p.setNsPrefix("qb", "http://purl.org/linked-data/cube#");
        p.setNsPrefix("sh", "http://www.w3.org/ns/shacl#");
        return p;
    }
}
