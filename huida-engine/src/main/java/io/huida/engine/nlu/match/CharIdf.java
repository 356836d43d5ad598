package io.huida.engine.nlu.match;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Inverse document frequency of single characters (code points), fitted on a collection of normalised
 * questions: rare characters such as 微粒贷 or 逾期 weigh more than 的, 吗 or 怎么. Smoothed as
 * {@code ln((n + 1) / (df + 1)) + 1}, so a character seen in no question gets the largest weight.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CharIdf {

    private final Map<Integer, Double> idf;
    private final double unseen;
    private final int documents;

    private CharIdf(Map<Integer, Double> idf, double unseen, int documents) {
        this.idf = Map.copyOf(idf);
        this.unseen = unseen;
        this.documents = documents;
    }

    /**
     * Fits the weights on {@code normalisedTexts}, each counted once per distinct character; whitespace is
     * ignored.
     *
     * @throws IllegalArgumentException when there are no texts
     */
    public static CharIdf fit(Collection<String> normalisedTexts) {
        if (normalisedTexts.isEmpty()) {
            throw new IllegalArgumentException("cannot fit character idf on 0 texts");
        }
        Map<Integer, Integer> df = new HashMap<>();
        for (String text : normalisedTexts) {
            Set<Integer> seen = new HashSet<>();
            text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(seen::add);
            for (int c : seen) {
                df.merge(c, 1, Integer::sum);
            }
        }
        int n = normalisedTexts.size();
        Map<Integer, Double> idf = new HashMap<>();
        df.forEach((c, count) -> idf.put(c, Math.log((n + 1.0) / (count + 1.0)) + 1));
        return new CharIdf(idf, Math.log(n + 1.0) + 1, n);
    }

    /** Every character weighs 1: idf-weighted coverage becomes plain character coverage. */
    public static CharIdf uniform() {
        return new CharIdf(Map.of(), 1, 0);
    }

    /** The weight of {@code codePoint}. */
    public double idf(int codePoint) {
        return idf.getOrDefault(codePoint, unseen);
    }

    /** Number of texts the weights were fitted on (0 for {@link #uniform()}). */
    public int documents() {
        return documents;
    }
}
