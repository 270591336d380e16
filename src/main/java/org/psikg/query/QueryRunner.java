package org.psikg.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.store.TdbStore;

/**
 * Runs SPARQL over the built graph without a server, on the same kind of dataset the server
 * answers from: an in-memory TDB2 copy whose default graph is the union of the named graphs.
 * <pre>
 * QueryRunner runner = QueryRunner.over(KnowledgeGraph.build(seeds, ontology));
 * Answer a = runner.select(QueryFile.read(Path.of("queries/01-eaeu-members.rq")).query());
 * </pre>
 */
public final class QueryRunner {
    private final DatasetGraph dataset;

    private QueryRunner(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    public static QueryRunner over(KnowledgeGraph kg) {
        return new QueryRunner(TdbStore.inMemory(kg.dataset(), kg.prefixes()));
    }

    /** The answer of a SELECT or ASK query. */
    public Answer select(Query query) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(ds()).query(query).build()) {
                return query.isAskType() ? Answer.ask(qe.execAsk()) : Answer.of(qe.execSelect());
            }
        });
    }

    /** The graph of a CONSTRUCT or DESCRIBE query. */
    public Model graph(Query query) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(ds()).query(query).build()) {
                return query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
            }
        });
    }

    private Dataset ds() {
        return DatasetFactory.wrap(dataset);
    }

    /** The query files of a folder, sorted by name. */
    public static List<Path> queryFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.IO, "queries folder not found"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".rq")).sorted().toList());
        } catch (IOException e) {
            throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.IO, "cannot list folder: " + e.getMessage()));
        }
    }
}
