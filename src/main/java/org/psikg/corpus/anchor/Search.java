package org.psikg.corpus.anchor;

import java.util.ArrayList;
import java.util.List;

/**
 * Search over code-point arrays. {@link #all} is Knuth-Morris-Pratt, linear in text and quote:
 * a naive search of a 3 MB quote of "a"s in a 16 MB text of "a"s would take hours.
 */
final class Search {
    private Search() {
    }

    static List<Integer> all(int[] hay, int[] needle) {
        List<Integer> hits = new ArrayList<>();
        if (needle.length == 0 || needle.length > hay.length) {
            return hits;
        }
        int[] fail = new int[needle.length];
        for (int i = 1, k = 0; i < needle.length; i++) {
            while (k > 0 && needle[i] != needle[k]) {
                k = fail[k - 1];
            }
            if (needle[i] == needle[k]) {
                k++;
            }
            fail[i] = k;
        }
        for (int i = 0, k = 0; i < hay.length; i++) {
            while (k > 0 && hay[i] != needle[k]) {
                k = fail[k - 1];
            }
            if (hay[i] == needle[k]) {
                k++;
            }
            if (k == needle.length) {
                hits.add(i - needle.length + 1);
                k = fail[k - 1];
            }
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
