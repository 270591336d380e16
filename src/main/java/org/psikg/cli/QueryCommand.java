package org.psikg.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Prologue;
import org.psikg.error.InputException;
import org.psikg.query.Answer;
import org.psikg.query.QueryFile;
import org.psikg.query.QueryRunner;
import org.psikg.rdf.KnowledgeGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code psikg query FILE.rq}: runs a SPARQL query over the built graph, without a server. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SPARQL query over the graph built from the seeds (default graph: the union of all graphs).")
final class QueryCommand implements Callable<Integer> {
    enum Format { table, json, csv, tsv }

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Parameters(index = "0", paramLabel = "FILE.rq", description = "the query")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, json, csv or tsv (default: ${DEFAULT-VALUE}); CONSTRUCT and DESCRIBE print Turtle")
    Format format;

    @Override
    public Integer call() {
        QueryFile q;
        KnowledgeGraph kg;
        try {
            q = QueryFile.read(file);
            kg = corpus.build();
        } catch (InputException e) {
            return Errors.report(spec, e);
        }
        QueryRunner runner = QueryRunner.over(kg);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (q.query().isConstructType() || q.query().isDescribeType()) {
            var model = runner.graph(q.query());
            model.setNsPrefixes(kg.prefixes());
            RDFDataMgr.write(out, model, Lang.TURTLE);
        } else {
            Answer a = runner.select(q.query());
            write(a, q, kg, out);
        }
        spec.commandLine().getOut().print(out.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private void write(Answer a, QueryFile q, KnowledgeGraph kg, ByteArrayOutputStream out) {
        switch (format) {
            case table -> {
                if (a.isAsk()) {
                    ResultSetFormatter.out(out, a.bool());
                } else {
                    Prologue prologue = new Prologue(kg.prefixes());
                    ResultSetFormatter.out(out, a.resultSet(), prologue);
                }
            }
            case json -> out.writeBytes(a.json().getBytes(StandardCharsets.UTF_8));
            case csv -> writeRs(a, ResultSetLang.RS_CSV, out);
            case tsv -> writeRs(a, ResultSetLang.RS_TSV, out);
        }
    }

    private static void writeRs(Answer a, Lang lang, ByteArrayOutputStream out) {
        if (a.isAsk()) {
            ResultSetMgr.write(out, a.bool(), lang);
        } else {
            ResultSetMgr.write(out, a.resultSet(), lang);
        }
    }
}
