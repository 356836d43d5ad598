package io.huida.engine.dialog.flow;

import java.util.Collection;

/** "Did you mean …?" for near misses among a few known words (edit distance, transpositions count once). */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code "; did you mean 'prompt'?"} for a near miss, else the list of allowed words. */
    static String hint(String word, Collection<String> known) {
        String best = nearest(word, known);
        return best != null ? "; did you mean '" + best + "'?" : " (allowed: " + String.join(", ", known) + ")";
    }

    /** The known word closest to {@code word} when it is close enough to be a typo, else null. */
    static String nearest(String word, Collection<String> known) {
        if (word == null) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        return bestDistance <= limit ? best : null;
    }

    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
