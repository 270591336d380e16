package org.psikg.corpus.anchor;

import java.util.ArrayList;
import java.util.List;

/** Naive search over code-point arrays: quotes are short and texts small, so this is enough. */
final class Search {
    private Search() {
    }

    static List<Integer> all(int[] hay, int[] needle) {
        List<Integer> hits = new ArrayList<>();
        if (needle.length == 0) {
            return hits;
        }
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            hits.add(i);
        }
        return hits;
    }

    static boolean endsWith(int[] hay, int end, int[] needle) {
        if (needle.length > end) {
            return false;
        }
        for (int j = 0; j < needle.length; j++) {
            if (hay[end - needle.length + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWith(int[] hay, int start, int[] needle) {
        if (start + needle.length > hay.length) {
            return false;
        }
        for (int j = 0; j < needle.length; j++) {
            if (hay[start + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
