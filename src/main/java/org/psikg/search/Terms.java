package org.psikg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words of a query as each analyser reduces them: English stems and Russian stems. A
 * query is words, not Lucene syntax: nothing in it can fail to parse or widen the search.
 * <pre>
 * Terms t = Terms.of("санкции");   // t.ru() = [санкц]
 * </pre>
 */
record Terms(Set<String> en, Set<String> ru) {
    static final Analyzer ENGLISH = new EnglishAnalyzer();
    static final Analyzer RUSSIAN = new RussianAnalyzer();

    /**
     * English stems of the words without Cyrillic letters, Russian stems of those with them:
     * each analyser removes only its own language's stop words, so "the" must not reach the
     * Russian fields nor "и" the English ones.
     */
    static Terms of(String text) {
        Set<String> en = analyse(ENGLISH, text);
        Set<String> ru = analyse(RUSSIAN, text);
        en.removeIf(Terms::cyrillic);
        ru.removeIf(t -> !cyrillic(t));
        return new Terms(en, ru);
    }

    private static boolean cyrillic(String term) {
        return term.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }

    boolean isEmpty() {
        return en.isEmpty() && ru.isEmpty();
    }

    static Set<String> analyse(Analyzer analyzer, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
