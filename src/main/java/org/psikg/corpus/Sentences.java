package org.psikg.corpus;

import java.util.ArrayList;
import java.util.List;
import org.psikg.corpus.anchor.Anchor;

/**
 * Splits an article's content into sentences, for coverage: the text with its page furniture
 * cut out, broken at blank lines (paragraphs, headings) and after {@code . ! ? …} followed by
 * white space and a capital, a digit or an opening quote. Single line breaks are not
 * boundaries (PDF extraction breaks lines mid-sentence), nor is the full stop of an initial
 * ("N.A. Nazarbayev") or of a few common abbreviations. A piece without a letter (a page
 * number) is not a sentence.
 * <pre>
 * List&lt;Sentences.Span&gt; spans = Sentences.of(article.text(), article.furniture());
 * </pre>
 */
public final class Sentences {
    private static final List<String> ABBREVIATIONS = List.of("e.g", "i.e", "etc", "vs", "Mr", "Mrs", "Dr", "St", "No", "cf");

    /** A sentence: code-point offsets {@code [start, end)} into the text. */
    public record Span(int start, int end) {
        public boolean overlaps(int s, int e) {
            return s < end && start < e;
        }
    }

    private Sentences() {
    }

    public static List<Span> of(String text, List<Anchor> furniture) {
        int[] cps = text.codePoints().toArray();
        boolean[] cut = new boolean[cps.length];
        for (Anchor f : furniture) {
            for (int i = f.start(); i < f.end(); i++) {
                cut[i] = true;
            }
        }
        List<Span> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= cps.length; i++) {
            boolean boundaryBefore = i == cps.length || cut[i] || paragraphBreak(cps, i);
            if (boundaryBefore) {
                add(cps, start, i, out);
                start = -1;
                continue;
            }
            if (start < 0) {
                start = i;
            }
            int end = sentenceEnd(cps, i);
            if (end > 0) {
                add(cps, start, end, out);
                start = -1;
                i = end - 1;
            }
        }
        return out;
    }

    private static boolean paragraphBreak(int[] cps, int i) {
        if (cps[i] != '\n') {
            return false;
        }
        for (int j = i + 1; j < cps.length && Character.isWhitespace(cps[j]); j++) {
            if (cps[j] == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Where the sentence ends if it ends at {@code i} (after any closing quotes), else -1. */
    private static int sentenceEnd(int[] cps, int i) {
        int c = cps[i];
        if (c != '.' && c != '!' && c != '?' && c != '…') {
            return -1;
        }
        int j = i + 1;
        while (j < cps.length && (cps[j] == '"' || cps[j] == '”' || cps[j] == '’' || cps[j] == ')' || cps[j] == '\'')) {
            j++;
        }
        int end = j;
        if (j >= cps.length || !Character.isWhitespace(cps[j])) {
            return j >= cps.length ? end : -1;
        }
        while (j < cps.length && Character.isWhitespace(cps[j])) {
            j++;
        }
        if (j >= cps.length) {
            return end;
        }
        int next = cps[j];
        boolean opens = Character.isUpperCase(next) || Character.isDigit(next) || next == '“' || next == '"' || next == '«' || next == '(';
        return opens && !(c == '.' && abbreviation(cps, i)) ? end : -1;
    }

    /** An initial ("N.") or a listed abbreviation ends at {@code dot}. */
    private static boolean abbreviation(int[] cps, int dot) {
        int s = dot;
        while (s > 0 && (Character.isLetter(cps[s - 1]) || cps[s - 1] == '.')) {
            s--;
        }
        String word = new String(cps, s, dot - s);
        return (word.length() == 1 && Character.isUpperCase(word.codePointAt(0)))
                || word.matches("([A-Z]\\.)+[A-Z]") || ABBREVIATIONS.contains(word);
    }

    private static void add(int[] cps, int start, int end, List<Span> out) {
        if (start < 0) {
            return;
        }
        while (start < end && Character.isWhitespace(cps[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(cps[end - 1])) {
            end--;
        }
        for (int i = start; i < end; i++) {
            if (Character.isLetter(cps[i])) {
                out.add(new Span(start, end));
                return;
            }
        }
    }
}
