package io.huida.engine.retrieval;

import io.huida.engine.text.Language;

import java.util.List;

/** Per FAQ and language, the sum of its question vectors: the FAQ's intent as a whole rather than one wording. */
final class Centroids {

    private final List<IndexedText> texts;
    /** [faq][language] → sum of the FAQ's question vectors in that language, or null where it has none. */
    private final float[][][] sums;

    Centroids(int faqs, List<IndexedText> texts, int[][] textsByFaq) {
        this.texts = texts;
        this.sums = new float[faqs][Language.values().length][];
        for (int f = 0; f < faqs; f++) {
            for (int ord : textsByFaq[f]) {
                IndexedText t = texts.get(ord);
                if (t.answer()) {
                    continue;
                }
                float[] sum = sums[f][t.language().ordinal()];
                if (sum == null) {
                    sum = new float[t.vector().length];
                    sums[f][t.language().ordinal()] = sum;
                }
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += t.vector()[d];
                }
            }
        }
    }

    /**
     * Cosine between the query and the FAQ's centroid (the direction of the sum of its question vectors), leaving
     * out {@code excludedText} when it belongs to the FAQ; 0 when the FAQ has no question in the query's language.
     */
    double cosine(float[] query, int faq, Language language, int excludedText) {
        float[] sum = sums[faq][language.ordinal()];
        if (sum == null) {
            return 0;
        }
        float[] left = null;
        if (excludedText >= 0) {
            IndexedText t = texts.get(excludedText);
            if (t.faq() == faq && !t.answer() && t.language() == language) {
                left = t.vector();
            }
        }
        double dot = 0;
        double norm = 0;
        for (int d = 0; d < sum.length; d++) {
            double v = left == null ? sum[d] : sum[d] - left[d];
            dot += query[d] * v;
            norm += v * v;
        }
        return norm < 1e-9 ? 0 : Math.max(0, dot / Math.sqrt(norm));
    }
}
