import java.util.Arrays;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The stock-Fuseki baseline of the bench scripts, built from the jena-fuseki-main dependency
 * with its defaults (every standard service, no timeout, no row cap, no psikg code):
 *
 *   StockFuseki FILE PORT               what `fuseki-server --file=FILE /psikg` starts: Fuseki's
 *                                       own in-memory dataset (bench/first-answer.sh)
 *   StockFuseki --mem-tdb2 FILE PORT    FILE loaded into an in-memory TDB2 dataset whose default
 *                                       graph is the union of the named graphs, as
 *                                       `fuseki-server --memTDB --set tdb:unionDefaultGraph=true`
 *                                       (bench/endpoint.sh)
 *   StockFuseki --tdb2 DIR PORT         the TDB2 store in DIR, union default graph, as
 *                                       `fuseki-server --tdb2 --loc=DIR --set tdb:unionDefaultGraph=true`
 *                                       (bench/endpoint.sh)
 *
 * The union default graph is what psikg serves (docs/queries.md), so that both servers give
 * the same answers to the competency queries; Fuseki's plain in-memory dataset ignores the
 * union setting (its default graph would be empty and the queries without GRAPH would answer
 * nothing), hence TDB2 in memory for the in-memory comparison.
 * With {@code -Dstock.timeout=FIRST,TOTAL} (milliseconds, Jena's {@code arq:queryTimeout} form) it
 * stops queries as psikg's server does (10 s to the first result, 30 s in all by default), so that
 * a scale run compares like with like instead of waiting on queries psikg would have stopped
 * (bench/scale.sh).
 * Throwaway: compiled by the scripts against target/psikg.jar, not part of the product.
 *
 *   java -cp target/psikg.jar:CLASSES StockFuseki --tdb2 target/tdb2 3031
 */
public class StockFuseki {
    public static void main(String[] args) {
        List<String> a = Arrays.asList(args);
        String mode = a.size() == 3 ? a.get(0) : "--file";
        String source = a.get(a.size() - 2);
        int port = Integer.parseInt(a.get(a.size() - 1));
        DatasetGraph dsg;
        switch (mode) {
            case "--file" -> {
                dsg = DatasetGraphFactory.createTxnMem();
                RDFDataMgr.read(dsg, source);
            }
            case "--mem-tdb2" -> {
                dsg = DatabaseMgr.createDatasetGraph();
                DatasetGraph target = dsg;
                Txn.executeWrite(target, () -> RDFDataMgr.read(target, source));
                dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
            }
            case "--tdb2" -> {
                dsg = DatabaseMgr.connectDatasetGraph(source);
                dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
            }
            default -> throw new IllegalArgumentException("usage: StockFuseki [--mem-tdb2|--tdb2] SOURCE PORT");
        }
        String timeout = System.getProperty("stock.timeout");
        if (timeout != null) {
            dsg.getContext().set(ARQ.queryTimeout, timeout);
        }
        FusekiServer.create().port(port).add("/psikg", dsg).build().start().join();
    }
}
