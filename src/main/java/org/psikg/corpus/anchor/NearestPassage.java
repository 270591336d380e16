package org.psikg.corpus.anchor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the passage of a text that a quote most likely meant: every shingle (run of
 * {@value #K} loose code points) the quote shares with the text votes for an alignment, and
 * the alignment with most votes wins. The passage spans every shared shingle near that
 * alignment (a missing or extra letter shifts it by one), widened to whole words.
 */
final class NearestPassage {
    private static final int K = 6;
    private static final int SLACK = 3;

    private final int[] text;
    private final LooseText loose;
    private final Map<String, List<Integer>> shingles = new HashMap<>();

    NearestPassage(int[] text, LooseText loose) {
        this.text = text;
        this.loose = loose;
        int[] t = loose.codePoints;
        for (int i = 0; i + K <= t.length; i++) {
            shingles.computeIfAbsent(new String(t, i, K), k -> new ArrayList<>()).add(i);
        }
    }

    /** The text range {@code [start, end)} of the best alignment, if any shingle matched. */
    Optional<int[]> find(int[] quote) {
        List<int[]> matches = new ArrayList<>();
        Map<Integer, Integer> votes = new HashMap<>();
        for (int i = 0; i + K <= quote.length; i++) {
            for (int at : shingles.getOrDefault(new String(quote, i, K), List.of())) {
                matches.add(new int[] {i, at});
                votes.merge(at - i, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(best -> {
                    int from = Integer.MAX_VALUE;
                    int to = 0;
                    for (int[] m : matches) {
                        if (Math.abs(m[1] - m[0] - best.getKey()) <= SLACK) {
                            from = Math.min(from, m[1]);
                            to = Math.max(to, m[1] + K);
                        }
                    }
                    return wholeWords(loose.origin[from], loose.origin[to - 1] + 1);
                });
    }

    /** Widens a range to whole words. */
    private int[] wholeWords(int start, int end) {
        while (start > 0 && Character.isLetterOrDigit(text[start - 1])) {
            start--;
        }
        while (end < text.length && Character.isLetterOrDigit(text[end])) {
            end++;
        }
        return new int[] {start, end};
    }
}
