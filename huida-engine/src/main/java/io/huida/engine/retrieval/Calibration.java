package io.huida.engine.retrieval;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How evidence becomes a decision for one knowledge base: a linear score over the {@link Features}, the
 * knowledge base's own mapping of that score to a probability (Platt scaling), and the decision thresholds.
 * Learned from the knowledge base's own questions by {@link Calibrator}.
 *
 * @param weights          linear weights over {@link Features#toArray()}
 * @param slope            Platt slope: probability = sigmoid(slope × score + intercept)
 * @param intercept        Platt intercept
 * @param answerThreshold  probability at or above which the top FAQ is answered
 * @param clarifyThreshold probability at or above which a candidate is offered as a choice
 * @param clarifyMargin    candidates within this probability of the top one are "too close" to pick between
 * @param faqOffsets       per FAQ id, a score offset added to that FAQ's threshold (see {@link FaqOffsets}); FAQs
 *                         not listed have none
 * @param ranker           when not null, the evidence score is this {@link Ranker}'s log-odds over the features, the
 *                         linear score and its lead over the other candidates; when null, the linear score itself
 */
public record Calibration(double[] weights, double slope, double intercept, double answerThreshold,
                          double clarifyThreshold, double clarifyMargin, Map<String, Double> faqOffsets, Ranker ranker) {

    /** A calibration of the linear score alone, with the same threshold for every FAQ. */
    public Calibration(double[] weights, double slope, double intercept, double answerThreshold,
                       double clarifyThreshold, double clarifyMargin) {
        this(weights, slope, intercept, answerThreshold, clarifyThreshold, clarifyMargin, Map.of(), null);
    }

    /** A calibration of the linear score alone. */
    public Calibration(double[] weights, double slope, double intercept, double answerThreshold,
                       double clarifyThreshold, double clarifyMargin, Map<String, Double> faqOffsets) {
        this(weights, slope, intercept, answerThreshold, clarifyThreshold, clarifyMargin, faqOffsets, null);
    }

    public Calibration {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(faqOffsets, "faqOffsets");
        faqOffsets.forEach((id, offset) -> {
            if (!Double.isFinite(offset)) {
                throw new IllegalArgumentException("offset of FAQ " + id + " must be finite, got " + offset);
            }
        });
        faqOffsets = Map.copyOf(faqOffsets);
        if (weights.length != Features.SIZE) {
            throw new IllegalArgumentException("expected " + Features.SIZE + " weights, got " + weights.length);
        }
        if (!(slope > 0)) {
            throw new IllegalArgumentException("slope must be positive, got " + slope);
        }
        requireProbability(answerThreshold, "answerThreshold");
        requireProbability(clarifyThreshold, "clarifyThreshold");
        requireProbability(clarifyMargin, "clarifyMargin");
        if (clarifyThreshold > answerThreshold) {
            throw new IllegalArgumentException("clarifyThreshold " + clarifyThreshold + " exceeds answerThreshold " + answerThreshold);
        }
        weights = weights.clone();
    }

    /**
     * The evidence score of each of a message's candidates, in order (higher is better; not a probability): the
     * ranker's log-odds when there is a ranker, else the {@linkplain #score(Features) linear score}.
     */
    public double[] scores(List<Features> candidates) {
        double[] linear = new double[candidates.size()];
        for (int i = 0; i < linear.length; i++) {
            linear[i] = score(candidates.get(i));
        }
        if (ranker == null) {
            return linear;
        }
        double[][] inputs = Ranker.inputs(candidates, linear);
        double[] out = new double[linear.length];
        for (int i = 0; i < linear.length; i++) {
            out[i] = ranker.logOdds(inputs[i]);
        }
        return out;
    }

    /** The calibrated probability that FAQ {@code faqId}, with evidence score {@code score} ({@link #scores}), is the right one. */
    public double probability(String faqId, double score) {
        return LogisticRegression.sigmoid(slope * (score - faqOffsets.getOrDefault(faqId, 0.0)) + intercept);
    }

    /** The linear evidence score of a candidate (higher is better; not a probability). */
    public double score(Features features) {
        double[] x = features.toArray();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += weights[i] * x[i];
        }
        return s;
    }

    /** The calibrated probability that FAQ {@code faqId}, with these features, is the right one, by the linear score alone. */
    public double probability(String faqId, Features features) {
        return LogisticRegression.sigmoid(slope * (score(features) - faqOffsets.getOrDefault(faqId, 0.0)) + intercept);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Calibration[answer>=%.3f, clarify>=%.3f, margin=%.2f, p=sigmoid(%.2f*score%+.2f), weights=%s, %s, %d FAQ offsets]",
                answerThreshold, clarifyThreshold, clarifyMargin, slope, intercept, Arrays.toString(weights),
                ranker == null ? "linear score" : "ranker of " + ranker.trees() + " trees", faqOffsets.size());
    }

    private static void requireProbability(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
    }
}
