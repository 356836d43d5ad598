package io.huida.engine.retrieval;

import io.huida.engine.kb.Faq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-FAQ adjustments of the answer threshold, learned from calibration. An FAQ whose own questions, each asked
 * with only itself held out, score low against the rest of the FAQ (its wordings are far apart) will also be asked
 * by customers in wordings that score low, so its threshold is lowered; an FAQ whose questions score high (near
 * duplicates) gets a higher one. The FAQ's mean is shrunk towards the knowledge base's mean by a prior of
 * {@code prior} pseudo-examples, since an FAQ has only a handful of questions.
 */
public final class FaqOffsets {

    private FaqOffsets() {
    }

    /**
     * Offsets by FAQ id: {@code weight × (shrunk FAQ mean − knowledge-base mean)} of the in-scope calibration scores.
     *
     * @param faqs    the knowledge base's FAQs, indexed by ordinal
     * @param scores  the top score of each in-scope calibration example
     * @param faqOf   the ordinal of the FAQ each example was asked from (same length as {@code scores})
     * @param weight  how much of the FAQ's deviation moves its threshold (0 = none)
     * @param prior   pseudo-examples at the knowledge-base mean added to each FAQ's examples
     */
    public static Map<String, Double> of(List<Faq> faqs, double[] scores, int[] faqOf, double weight, double prior) {
        if (scores.length != faqOf.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + faqOf.length + " FAQ ordinals");
        }
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("weight must not be negative, got " + weight);
        }
        if (!(prior > 0)) {
            throw new IllegalArgumentException("prior must be positive, got " + prior);
        }
        if (scores.length == 0 || weight == 0) {
            return Map.of();
        }
        double[] sum = new double[faqs.size()];
        int[] count = new int[faqs.size()];
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            if (faqOf[i] < 0 || faqOf[i] >= faqs.size()) {
                throw new IllegalArgumentException("FAQ ordinal " + faqOf[i] + " outside 0.." + (faqs.size() - 1));
            }
            sum[faqOf[i]] += scores[i];
            count[faqOf[i]]++;
            total += scores[i];
        }
        double mean = total / scores.length;
        Map<String, Double> out = new HashMap<>();
        for (int f = 0; f < faqs.size(); f++) {
            if (count[f] > 0) {
                double shrunk = (sum[f] + prior * mean) / (count[f] + prior);
                out.put(faqs.get(f).id(), weight * (shrunk - mean));
            }
        }
        return Map.copyOf(out);
    }
}
