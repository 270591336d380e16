package org.psikg.server;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.psikg.vocab.PsikgIris;

/**
 * The dataset's self-description at /.well-known/void (RFC 8615 and the VoID note): the
 * metadata graph the build wrote (title, licence, vocabularies, one subset per named graph
 * with its triple count) plus what only the running server knows: its SPARQL endpoint, its
 * dumps (as void:dataDump and as DCAT distributions with size and SHA-256) and a DCAT data
 * service for the endpoint. Callers hold a read transaction.
 * <pre>
 * Graph voidGraph = VoidDescription.graph(data, site);
 * </pre>
 */
public final class VoidDescription {
    public static final String SPDX = "http://spdx.org/rdf/terms#";
    private static final String IANA = "https://www.iana.org/assignments/media-types/";

    private VoidDescription() {
    }

    public static Graph graph(ServedData data, Site site) {
        DatasetGraph dsg = data.dataset();
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(data.prefixes());
        g.getPrefixMapping().setNsPrefix("spdx", SPDX);
        dsg.getGraph(PsikgIris.METADATA_GRAPH).find().forEach(g::add);
        Node ds = PsikgIris.DATASET;
        Node endpoint = uri(site.endpoint());
        g.add(ds, VOID.sparqlEndpoint.asNode(), endpoint);
        g.add(ds, VOID.uriLookupEndpoint.asNode(), NodeFactory.createLiteralString(site.url("/id/")));
        g.add(ds, VOID.rootResource.asNode(), uri(PsikgIris.BASE + "ontology"));
        if (!g.contains(ds, VOID.subset.asNode(), PsikgIris.METADATA_GRAPH)) {
            g.add(ds, VOID.subset.asNode(), PsikgIris.METADATA_GRAPH);
            g.add(PsikgIris.METADATA_GRAPH, RDF.type.asNode(), VOID.Dataset.asNode());
            g.add(PsikgIris.METADATA_GRAPH, VOID.triples.asNode(), integer(dsg.getGraph(PsikgIris.METADATA_GRAPH).size()));
        }
        for (Dumps.File f : data.dumps().all().values()) {
            Node file = uri(site.url("/dumps/" + f.name()));
            g.add(ds, VOID.dataDump.asNode(), file);
            g.add(ds, DCAT.distribution.asNode(), file);
            g.add(file, RDF.type.asNode(), DCAT.Distribution.asNode());
            g.add(file, DCAT.downloadURL.asNode(), file);
            g.add(file, DCAT.mediaType.asNode(), uri(IANA + f.mediaType()));
            g.add(file, DCAT.compressFormat.asNode(), uri(IANA + "application/gzip"));
            g.add(file, DCAT.byteSize.asNode(), integer(f.size()));
            g.add(file, DCTerms.license.asNode(), uri("https://creativecommons.org/licenses/by/4.0/"));
            Node checksum = NodeFactory.createBlankNode();
            g.add(file, uri(SPDX + "checksum"), checksum);
            g.add(checksum, RDF.type.asNode(), uri(SPDX + "Checksum"));
            g.add(checksum, uri(SPDX + "algorithm"), uri(SPDX + "checksumAlgorithm_sha256"));
            g.add(checksum, uri(SPDX + "checksumValue"), NodeFactory.createLiteralDT(f.sha256(), XSDDatatype.XSDhexBinary));
        }
        g.add(ds, DCAT.accessService.asNode(), endpoint);
        g.add(endpoint, RDF.type.asNode(), DCAT.DataService.asNode());
        g.add(endpoint, DCAT.endpointURL.asNode(), endpoint);
        g.add(endpoint, DCAT.servesDataset.asNode(), ds);
        g.add(endpoint, DCTerms.conformsTo.asNode(), uri("https://www.w3.org/TR/sparql11-protocol/"));
        g.add(endpoint, DCAT.endpointDescription.asNode(), endpoint);
        return g;
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
