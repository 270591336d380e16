package org.psikg.corpus.synth.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An order-2 word chain trained on one seed text: sentences that read like the source (its
 * vocabulary, its turns of phrase) without repeating it. Successor lists keep the training
 * order, so a given random sequence always gives the same words.
 */
public final class WordChain {
    private static final int MIN_WORDS = 8;
    private static final int MAX_WORDS = 40;

    private final Map<String, List<String>> next = new HashMap<>();
    private final List<String[]> starts = new ArrayList<>();

    private WordChain() {
    }

    public static WordChain of(String text) {
        WordChain chain = new WordChain();
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i + 2 < words.length; i++) {
            chain.next.computeIfAbsent(words[i] + " " + words[i + 1], k -> new ArrayList<>()).add(words[i + 2]);
            boolean afterEnd = i == 0 || endsSentence(words[i - 1]);
            if (afterEnd && Character.isUpperCase(words[i].codePointAt(0))) {
                chain.starts.add(new String[] {words[i], words[i + 1]});
            }
        }
        if (chain.starts.isEmpty() && words.length >= 2) {
            chain.starts.add(new String[] {words[0], words[1]});
        }
        return chain;
    }

    /** One sentence, ending in a full stop or the source's own end punctuation. */
    public String sentence(SplittableRandom random) {
        String[] start = starts.get(random.nextInt(starts.size()));
        List<String> out = new ArrayList<>(List.of(start));
        while (out.size() < MAX_WORDS) {
            String last = out.get(out.size() - 1);
            if (out.size() >= MIN_WORDS && endsSentence(last)) {
                return String.join(" ", out);
            }
            List<String> options = next.get(out.get(out.size() - 2) + " " + last);
            if (options == null) {
                break;
            }
            out.add(options.get(random.nextInt(options.size())));
        }
        String s = String.join(" ", out).replaceAll("[,;:–—-]+$", "");
        return endsSentence(s) ? s : s + ".";
    }

    private static boolean endsSentence(String word) {
        return word.endsWith(".") || word.endsWith("?") || word.endsWith("!") || word.endsWith(".”") || word.endsWith(".\"");
    }
}
