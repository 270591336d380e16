package org.psikg.corpus.anchor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the passage of a text that a quote most likely meant: every shingle (run of
 * {@value #K} loose code points) the quote shares with the text votes for an alignment, and
 * the alignment with most votes wins. Cheap, and robust to a typo or a wrong word anywhere.
 */
final class NearestPassage {
    private static final int K = 6;

    private final LooseText loose;
    private final Map<String, List<Integer>> shingles = new HashMap<>();

    NearestPassage(LooseText loose) {
        this.loose = loose;
        int[] t = loose.codePoints;
        for (int i = 0; i + K <= t.length; i++) {
            shingles.computeIfAbsent(new String(t, i, K), k -> new ArrayList<>()).add(i);
        }
    }

    /** The text range {@code [start, end)} of the best alignment, if any shingle matched. */
    Optional<int[]> find(int[] quote) {
        Map<Integer, Integer> votes = new HashMap<>();
        for (int i = 0; i + K <= quote.length; i++) {
            for (int at : shingles.getOrDefault(new String(quote, i, K), List.of())) {
                votes.merge(at - i, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(best -> {
                    int from = Math.max(0, best.getKey());
                    int to = Math.min(loose.codePoints.length, best.getKey() + quote.length) - 1;
                    return new int[] {loose.origin[from], loose.origin[Math.max(from, to)] + 1};
                });
    }
}
