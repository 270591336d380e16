package org.psikg.validate.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quote as the evidence lint reads it: folded loosely (case, diacritics, ligatures, soft
 * hyphens), cut into words, and squashed to its letters and digits alone, so that a name
 * is found despite PDF artefacts (a word broken over a line, a lost hyphen), an English
 * plural or possessive, or a Russian inflection (the stem of each Cyrillic word: "России",
 * "Россией" for "Россия").
 * <pre>
 * LooseWords q = LooseWords.of("Евразийского экономического союза");
 * q.mentions("Евразийский экономический союз"); // true
 * </pre>
 */
public final class LooseWords {
    /** U+02BC, the modifier-letter apostrophe some PDFs write for every "'", is a letter to Unicode but an apostrophe here. */
    private static final Pattern SPLIT = Pattern.compile("(?:[^\\p{L}\\p{N}]|\\u02bc)+");
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d\\s\\u00a0\\u202f.,]*\\d)?");
    /** Below this many letters a squashed name could be found inside other words ("eu" in "europe"). */
    private static final int SQUASH_MIN = 6;

    /** Small numbers as words ("nine", "девять"); Russian ones by their stem, as other Russian words. */
    private static final java.util.Map<String, List<String>> NUMBER_WORDS = java.util.Map.ofEntries(
            java.util.Map.entry("1", List.of("one", "один", "одна", "одно")), java.util.Map.entry("2", List.of("two", "два", "две", "двух")),
            java.util.Map.entry("3", List.of("three", "три", "трех")), java.util.Map.entry("4", List.of("four", "четыре", "четырех")),
            java.util.Map.entry("5", List.of("five", "пять", "пяти")), java.util.Map.entry("6", List.of("six", "шесть", "шести")),
            java.util.Map.entry("7", List.of("seven", "семь", "семи")), java.util.Map.entry("8", List.of("eight", "восемь", "восьми")),
            java.util.Map.entry("9", List.of("nine", "девять", "девяти")), java.util.Map.entry("10", List.of("ten", "десять", "десяти")),
            java.util.Map.entry("11", List.of("eleven", "одиннадцать")), java.util.Map.entry("12", List.of("twelve", "двенадцать")),
            java.util.Map.entry("15", List.of("fifteen", "пятнадцать")), java.util.Map.entry("20", List.of("twenty", "двадцать")),
            java.util.Map.entry("50", List.of("fifty", "пятьдесят")), java.util.Map.entry("100", List.of("hundred", "сто")));

    private final List<String> words;
    private final String squashed;
    private final Set<String> numbers = new HashSet<>();

    private LooseWords(String text) {
        String folded = fold(text);
        this.words = words(folded);
        this.squashed = String.join("", words);
        Matcher m = NUMBER.matcher(folded);
        while (m.find()) {
            numberForms(m.group()).forEach(numbers::add);
        }
    }

    public static LooseWords of(String text) {
        return new LooseWords(text);
    }

    /** Whether the text names {@code name}: its words in sequence, each by its stem, or its letters run together. */
    public boolean mentions(String name) {
        List<String> n = words(fold(name));
        if (n.isEmpty()) {
            return false;
        }
        for (int i = 0; i + n.size() <= words.size(); i++) {
            boolean all = true;
            for (int j = 0; j < n.size() && all; j++) {
                all = sameWord(n.get(j), words.get(i + j));
            }
            if (all) {
                return true;
            }
        }
        String squashedName = String.join("", n);
        return squashedName.length() >= SQUASH_MIN && squashed.contains(squashedName);
    }

    /** Whether the text gives this decimal, as written or with a comma, spaces or thousands separators ("1 200", "30,5"). */
    public boolean mentionsNumber(String decimal) {
        String unsigned = decimal.replaceFirst("^[+-]", "");
        if (numberForms(unsigned).stream().anyMatch(numbers::contains)) {
            return true;
        }
        List<String> spelt = NUMBER_WORDS.get(canonical(unsigned));
        return spelt != null && spelt.stream().anyMatch(w -> words.stream().anyMatch(x -> sameWord(w, x)));
    }

    /** Whether a word of the text is the year ({@code YYYY} of {@code YYYY-MM-DD}). */
    public boolean mentionsYear(String date) {
        return words.contains(date.substring(0, 4));
    }

    private static boolean sameWord(String name, String word) {
        if (name.length() <= 3) {
            return word.equals(name);
        }
        if (Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.CYRILLIC) {
            // Russian inflects by its endings: keep the stem, one or two letters shorter.
            return word.startsWith(name.substring(0, name.length() - (name.length() >= 6 ? 2 : 1)));
        }
        return word.startsWith(name);
    }

    /** Case, diacritics (NFKD, then the marks dropped: "ё" is "е"), ligatures and soft hyphens folded. */
    static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD).replace("\u00ad", "");
        return d.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> words(String folded) {
        return new ArrayList<>(Arrays.stream(SPLIT.split(folded)).filter(w -> !w.isEmpty()).toList());
    }

    /** A number of the text in both readings of its comma: "30,5" is 30.5 (Russian) and 305, "1,200" is 1200 and 1.2. */
    private static List<String> numberForms(String raw) {
        String compact = raw.replaceAll("[\\s\\u00a0\\u202f]", "");
        List<String> out = new ArrayList<>();
        out.add(canonical(compact.replace(",", "")));
        out.add(canonical(compact.replace(",", ".")));
        return out;
    }

    private static String canonical(String n) {
        int dot = n.indexOf('.');
        if (dot >= 0 && n.indexOf('.', dot + 1) >= 0) {
            n = n.replace(".", "");
        }
        if (n.contains(".")) {
            n = n.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        n = n.replaceFirst("^0+(?=\\d)", "");
        return n;
    }
}
