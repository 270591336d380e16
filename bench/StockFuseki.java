import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * The baseline of bench/first-answer.sh: stock Fuseki, as `fuseki-server --file=FILE /psikg`
 * starts it, built from the jena-fuseki-main dependency with its defaults (Fuseki's own
 * in-memory dataset, every standard service, no psikg code): loads a TriG file and serves it.
 * Throwaway: compiled by the script against target/psikg.jar, not part of the product.
 *
 *   java -cp target/psikg.jar:CLASSES StockFuseki target/psikg.trig 3031
 */
public class StockFuseki {
    public static void main(String[] args) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(dsg, args[0]);
        FusekiServer.create().port(Integer.parseInt(args[1])).add("/psikg", dsg).build().start().join();
    }
}
