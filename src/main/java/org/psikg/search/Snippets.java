package org.psikg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The passage shown for a hit, with the words that matched marked: the words are found by
 * running both analysers over the stored text and keeping the tokens whose stem the query
 * has, at the offsets the analysers report. A long text (an article) is cut to a window
 * around each of its first matches.
 */
final class Snippets {
    private static final int WINDOW = 90;
    private static final int MAX_WINDOWS = 3;

    private Snippets() {
    }

    static List<TextIndex.Piece> of(String text, Terms terms, boolean cut) {
        TreeMap<Integer, Integer> matches = new TreeMap<>();
        mark(Terms.ENGLISH, text, terms.en(), matches);
        mark(Terms.RUSSIAN, text, terms.ru(), matches);
        List<TextIndex.Piece> out = new ArrayList<>();
        if (!cut) {
            pieces(text, 0, text.length(), matches, out);
            return out;
        }
        int shownTo = 0;
        int windows = 0;
        for (var m : matches.entrySet()) {
            if (windows == MAX_WINDOWS) {
                break;
            }
            if (m.getKey() < shownTo) {
                continue;
            }
            int from = Math.max(shownTo, m.getKey() - WINDOW);
            int to = Math.min(text.length(), m.getValue() + WINDOW);
            if (Character.isLowSurrogate(text.charAt(from))) {
                from++;
            }
            if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
                to++;
            }
            out.add(new TextIndex.Piece(from > 0 ? "…" : "", false));
            pieces(text.replace('\n', ' '), from, to, matches, out);
            shownTo = to;
            windows++;
        }
        if (out.isEmpty()) {
            out.add(new TextIndex.Piece(text.substring(0, Math.min(text.length(), 2 * WINDOW)).replace('\n', ' '), false));
        }
        out.add(new TextIndex.Piece(shownTo < text.length() ? "…" : "", false));
        return out;
    }

    private static void mark(Analyzer analyzer, String text, Set<String> wanted, TreeMap<Integer, Integer> matches) {
        if (wanted.isEmpty()) {
            return;
        }
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (wanted.contains(term.toString())) {
                    matches.merge(offset.startOffset(), offset.endOffset(), Math::max);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pieces(String text, int from, int to, TreeMap<Integer, Integer> matches, List<TextIndex.Piece> out) {
        int at = from;
        for (var m : matches.subMap(from, true, to, false).entrySet()) {
            if (m.getKey() < at) {
                continue;
            }
            int end = Math.min(m.getValue(), to);
            out.add(new TextIndex.Piece(text.substring(at, m.getKey()), false));
            out.add(new TextIndex.Piece(text.substring(m.getKey(), end), true));
            at = end;
        }
        out.add(new TextIndex.Piece(text.substring(at, to), false));
    }
}
