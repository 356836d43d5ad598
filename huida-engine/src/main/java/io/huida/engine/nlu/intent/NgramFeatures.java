package io.huida.engine.nlu.intent;

import io.huida.engine.text.Language;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns normalised text into hashed character and word n-grams with counts: Chinese characters as
 * uni-, bi- and trigrams, Latin words as whole words, word bigrams and character 3–5-grams inside
 * {@code <word>} boundaries, digits folded to one symbol so order numbers do not become features.
 */
final class NgramFeatures {

    static final int BUCKETS = 1 << 20;

    private NgramFeatures() {
    }

    /**
     * The n-grams of one text: distinct buckets in ascending order with their counts.
     *
     * @param buckets hashed n-gram buckets, ascending
     * @param counts  occurrences of each bucket in the text
     */
    record Counts(int[] buckets, int[] counts) {

        Counts {
            if (buckets.length != counts.length) {
                throw new IllegalArgumentException(buckets.length + " buckets but " + counts.length + " counts");
            }
        }
    }

    /** Returns the n-gram counts of {@code normalized} text. */
    static Counts count(String normalized) {
        Map<Integer, Integer> map = counts(normalized);
        int[] buckets = new int[map.size()];
        int k = 0;
        for (Integer bucket : map.keySet()) {
            buckets[k++] = bucket;
        }
        java.util.Arrays.sort(buckets);
        int[] counts = new int[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            counts[i] = map.get(buckets[i]);
        }
        return new Counts(buckets, counts);
    }

    /** Returns bucket → count for {@code normalized} text. */
    static Map<Integer, Integer> counts(String normalized) {
        Map<Integer, Integer> out = new HashMap<>();
        StringBuilder han = new StringBuilder();
        StringBuilder word = new StringBuilder();
        String previousWord = null;
        int n = normalized.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? normalized.charAt(i) : ' ';
            if (Language.isCjk(c)) {
                previousWord = flushWord(word, previousWord, out);
                han.append(c);
            } else if (Character.isLetterOrDigit(c)) {
                flushHan(han, out);
                word.append(Character.isDigit(c) ? '0' : c);
            } else {
                flushHan(han, out);
                previousWord = flushWord(word, previousWord, out);
            }
        }
        return out;
    }

    private static void flushHan(StringBuilder han, Map<Integer, Integer> out) {
        if (han.isEmpty()) {
            return;
        }
        String s = han.toString();
        for (int len = 1; len <= 3; len++) {
            for (int i = 0; i + len <= s.length(); i++) {
                add(out, "h" + s.substring(i, i + len));
            }
        }
        han.setLength(0);
    }

    private static String flushWord(StringBuilder word, String previous, Map<Integer, Integer> out) {
        if (word.isEmpty()) {
            return previous;
        }
        String w = word.toString();
        add(out, "w" + w);
        if (previous != null) {
            add(out, "b" + previous + ' ' + w);
        }
        String bounded = '<' + w + '>';
        for (int len = 3; len <= 5; len++) {
            for (int i = 0; i + len <= bounded.length(); i++) {
                add(out, "c" + bounded.substring(i, i + len));
            }
        }
        word.setLength(0);
        return w;
    }

    private static void add(Map<Integer, Integer> out, String gram) {
        out.merge(Math.floorMod(gram.hashCode() * 0x9E3779B1, BUCKETS), 1, Integer::sum);
    }
}
