import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.Reasoner;
import org.apache.jena.reasoner.ReasonerRegistry;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The in-process benchmark of bench/run.sh: materialised inference over the union of the
 * dataset psikg build wrote (ontology included), three ways, each timed to the full
 * materialisation (every statement of the inference model listed):
 *   owl-rl      bench/owl-rl.rules, the OWL 2 RL rules the ontology needs, in Jena's forward RETE engine
 *               (the candidate for psikg's reserved graph/inferred)
 *   rdfs        Jena's RDFS reasoner (ReasonerRegistry.getRDFSReasoner)
 *   owl-micro   Jena's OWL micro reasoner (ReasonerRegistry.getOWLMicroReasoner)
 * Each is run WARMUP times untimed, then RUNS times; prints one line per reasoner:
 *   NAME median_ms triples_after inferred_triples
 * Throwaway: compiled by bench/run.sh against target/psikg.jar, not part of the product.
 *
 *   java -cp target/psikg.jar:CLASSES Bench FILE.nq bench/owl-rl.rules WARMUP RUNS
 */
public class Bench {
    public static void main(String[] args) {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        RDFDataMgr.read(dsg, args[0]);
        Graph union = GraphFactory.createDefaultGraph();
        dsg.find().forEachRemaining(q -> union.add(q.asTriple()));
        Model data = ModelFactory.createModelForGraph(union);
        int warmup = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        GenericRuleReasoner rl = new GenericRuleReasoner(Rule.rulesFromURL(args[1]));
        rl.setMode(GenericRuleReasoner.FORWARD_RETE);
        run("owl-rl", rl, data, warmup, runs);
        run("rdfs", ReasonerRegistry.getRDFSReasoner(), data, warmup, runs);
        run("owl-micro", ReasonerRegistry.getOWLMicroReasoner(), data, warmup, runs);
    }

    private static void run(String name, Reasoner reasoner, Model data, int warmup, int runs) {
        long size = 0;
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            InfModel inf = ModelFactory.createInfModel(reasoner, data);
            inf.prepare();
            size = inf.listStatements().toList().size();
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (i >= warmup) {
                times.add(ms);
            }
        }
        times.sort(null);
        System.out.printf("%s %d %d %d%n", name, times.get(times.size() / 2), size, size - data.size());
    }
}
