package org.psikg.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;

/**
 * Compares a query's answer with its expected file: as a multiset of rows, or as a list when
 * the query orders its solutions. A drift is described in lines a person can read:
 * {@code - row} expected but missing, {@code + row} there but not expected.
 * <pre>
 * QueryCheck.Outcome o = QueryCheck.check(file, runner);
 * if (!o.drift().isEmpty()) { ... }
 * </pre>
 */
public final class QueryCheck {
    /** @param drift the lines describing what differs; empty when the answer is as expected */
    public record Outcome(QueryFile file, Answer actual, List<String> drift) {
    }

    private QueryCheck() {
    }

    public static Outcome check(QueryFile file, QueryRunner runner) {
        return check(file, runner.select(file.query()));
    }

    /** Compares an answer obtained elsewhere, over HTTP from a live endpoint say, with the file's expected one. */
    public static Outcome check(QueryFile file, Answer actual) {
        return check(file, actual, false);
    }

    /**
     * {@code byValue}: numbers and booleans compare by value, so that a store that writes
     * {@code 7.0} as {@code 7} or {@code true} as {@code 1} agrees (terms of other datatypes
     * still differ).
     */
    public static Outcome check(QueryFile file, Answer actual, boolean byValue) {
        if (!Files.exists(file.expected())) {
            return new Outcome(file, actual, List.of("no expected file " + file.expected().getFileName()
                    + " (write it with check-queries --update, then check it by hand)"));
        }
        return new Outcome(file, actual, compare(expected(file), actual, file.ordered(), byValue));
    }

    static Answer expected(QueryFile file) {
        String path = file.expected().toString();
        // Read and consume within the stream's lifetime: Jena's result sets stream from their input.
        try (InputStream in = Files.newInputStream(file.expected())) {
            if (file.query().isAskType()) {
                return Answer.ask(ResultSetMgr.readBoolean(in, ResultSetLang.RS_JSON));
            }
            return Answer.of(ResultSetMgr.read(in, ResultSetLang.RS_JSON));
        } catch (IOException | RuntimeException e) {
            throw new InputException(InputError.of(Location.ofFile(path), ErrorCode.IO, "cannot read expected results: " + e.getMessage()));
        }
    }

    static List<String> compare(Answer expected, Answer actual, boolean ordered, boolean byValue) {
        if (expected.isAsk() || actual.isAsk()) {
            return expected.bool() == actual.bool() ? List.of() : List.of("- " + expected.bool(), "+ " + actual.bool());
        }
        List<String> drift = new ArrayList<>();
        if (!expected.vars().stream().sorted().toList().equals(actual.vars().stream().sorted().toList())) {
            drift.add("variables: expected " + expected.vars() + ", got " + actual.vars());
        }
        List<String> want = expected.canonicalRows(byValue);
        List<String> got = actual.canonicalRows(byValue);
        Map<String, Integer> counts = new HashMap<>();
        want.forEach(r -> counts.merge(r, 1, Integer::sum));
        got.forEach(r -> counts.merge(r, -1, Integer::sum));
        want.stream().distinct().sorted().forEach(r -> repeat(drift, "- " + r, counts.getOrDefault(r, 0)));
        got.stream().distinct().sorted().forEach(r -> repeat(drift, "+ " + r, -counts.getOrDefault(r, 0)));
        if (drift.isEmpty() && ordered && !want.equals(got)) {
            drift.add("same rows, another order; expected:");
            want.forEach(r -> drift.add("  " + r));
            drift.add("got:");
            got.forEach(r -> drift.add("  " + r));
        }
        return drift;
    }

    private static void repeat(List<String> out, String line, int times) {
        for (int i = 0; i < times; i++) {
            out.add(line);
        }
    }
}
