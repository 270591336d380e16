package org.psikg.validate.report;

import java.io.OutputStream;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.psikg.validate.Report;

/** The SHACL validation report as Turtle, with the sources each result was traced to. */
final class TurtleReport {
    private TurtleReport() {
    }

    static void write(Report report, PrefixMapping prefixes, OutputStream out) {
        var g = GraphFactory.createDefaultGraph();
        report.shaclReport().find().forEach(g::add);
        g.getPrefixMapping().setNsPrefixes(prefixes);
        RDFDataMgr.write(out, g, RDFFormat.TURTLE_PRETTY);
    }
}
