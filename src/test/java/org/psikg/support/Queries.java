package org.psikg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;

/** Runs the tests' SPARQL files (src/test/resources/queries/NAME.rq). */
public final class Queries {
    private Queries() {
    }

    public static List<QuerySolution> select(DatasetGraph dsg, String name) {
        String query;
        try {
            query = Files.readString(Fixture.RESOURCES.resolve("queries/" + name + ".rq"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Dataset ds = DatasetFactory.wrap(dsg);
        try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
            ResultSet rs = qe.execSelect();
            List<QuerySolution> rows = new ArrayList<>();
            rs.forEachRemaining(rows::add);
            return rows;
        }
    }
}
