package org.psikg.review;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.Problems;

/**
 * The reviewers' verdicts counted per kind of statement: how many the quote states outright,
 * how many are readings (and of those, how many the annotation marks as readings), unsupported
 * or wrong. "Honest" is stated, or a reading marked as one: the share the issue asks to be
 * at least 95 in 100.
 * <pre>
 * Summary s = Summary.of(review, Verdicts.read(Path.of("seeds/review")));
 * s.total().honest();
 * </pre>
 */
public record Summary(Map<StatementKind, Row> byKind, Row total) {

    /** Counts of one kind; {@code markedReadings} are readings whose statement has psi:Reading. */
    public record Row(int judged, int stated, int readings, int markedReadings, int unsupported, int wrong) {
        static final Row EMPTY = new Row(0, 0, 0, 0, 0, 0);

        Row plus(Verdict.Judgement j, boolean marked) {
            return new Row(judged + 1, stated + (j == Verdict.Judgement.STATED ? 1 : 0), readings + (j == Verdict.Judgement.READING ? 1 : 0),
                    markedReadings + (j == Verdict.Judgement.READING && marked ? 1 : 0), unsupported + (j == Verdict.Judgement.UNSUPPORTED ? 1 : 0),
                    wrong + (j == Verdict.Judgement.WRONG ? 1 : 0));
        }

        public int honest() {
            return stated + markedReadings;
        }

        /** The share said outright, in percent. */
        public double precision() {
            return judged == 0 ? 0 : 100.0 * stated / judged;
        }
    }

    /** Every verdict must name a statement of the review; those that do not are input errors at their place. */
    public static Summary of(Review review, List<Verdict> verdicts) {
        Problems problems = new Problems();
        Map<StatementKind, Row> rows = new EnumMap<>(StatementKind.class);
        Row total = Row.EMPTY;
        for (Verdict v : verdicts) {
            var item = review.find(v.statement());
            if (item.isEmpty()) {
                problems.add(InputError.of(v.location(), ErrorCode.UNKNOWN_STATEMENT, "the graph has no statement '" + v.statement() + "'")
                        .withHint("ids are ARTICLE-ID/HASH, as psikg review prints them"));
                continue;
            }
            boolean marked = item.get().mode().equals("Reading");
            rows.merge(item.get().kind(), Row.EMPTY.plus(v.judgement(), marked), Summary::add);
            total = total.plus(v.judgement(), marked);
        }
        problems.throwIfAny();
        return new Summary(new TreeMap<>(rows), total);
    }

    private static Row add(Row a, Row b) {
        return new Row(a.judged + b.judged, a.stated + b.stated, a.readings + b.readings, a.markedReadings + b.markedReadings,
                a.unsupported + b.unsupported, a.wrong + b.wrong);
    }
}
