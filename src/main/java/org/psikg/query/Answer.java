package org.psikg.query;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The answer to a SELECT or ASK query, held in memory so that it can be compared, printed and
 * written more than once. Each row has a canonical text form (variables sorted, terms in
 * N-Triples) that comparison and sorting use.
 * <pre>
 * Answer a = Answer.of(queryExecution.execSelect());
 * a.sorted().json();
 * </pre>
 */
public record Answer(List<String> vars, List<Binding> rows, Boolean bool) {

    public static Answer of(ResultSet rs) {
        List<String> vars = List.copyOf(rs.getResultVars());
        List<Binding> rows = new ArrayList<>();
        rs.forEachRemaining(s -> rows.add(binding(vars, s)));
        return new Answer(vars, rows, null);
    }

    public static Answer ask(boolean b) {
        return new Answer(List.of(), List.of(), b);
    }

    public boolean isAsk() {
        return bool != null;
    }

    /** The rows sorted by their canonical form: how unordered answers are written and compared. */
    public Answer sorted() {
        List<Binding> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(this::canonical));
        return new Answer(vars, copy, bool);
    }

    public String canonical(Binding b) {
        return canonical(b, false);
    }

    /**
     * The row's text form; {@code byValue}: numbers and booleans in their canonical lexical
     * form ({@code "7.0"^^xsd:decimal} as {@code "7"^^xsd:decimal}, {@code "1"^^xsd:boolean}
     * as {@code "true"^^xsd:boolean}), the same value written as another store writes it.
     */
    public String canonical(Binding b, boolean byValue) {
        StringBuilder sb = new StringBuilder();
        for (String v : vars.stream().sorted().toList()) {
            Node n = b.get(Var.alloc(v));
            sb.append('?').append(v).append('=').append(n == null ? "UNDEF" : NodeFmtLib.strNT(byValue ? LexicalForms.canonical(n) : n))
                    .append(' ');
        }
        return sb.toString().strip();
    }

    public List<String> canonicalRows() {
        return canonicalRows(false);
    }

    public List<String> canonicalRows(boolean byValue) {
        return rows.stream().map(b -> canonical(b, byValue)).toList();
    }

    public ResultSet resultSet() {
        return ResultSet.adapt(RowSetStream.create(vars.stream().map(Var::alloc).toList(), rows.iterator()));
    }

    /** SPARQL 1.1 JSON results, the form of the expected files. */
    public String json() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (isAsk()) {
            ResultSetMgr.write(out, bool, ResultSetLang.RS_JSON);
        } else {
            ResultSetMgr.write(out, resultSet(), ResultSetLang.RS_JSON);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Binding binding(List<String> vars, QuerySolution s) {
        BindingBuilder builder = Binding.builder();
        for (String v : vars) {
            if (s.contains(v)) {
                builder.add(Var.alloc(v), s.get(v).asNode());
            }
        }
        return builder.build();
    }
}
