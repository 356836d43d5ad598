package io.huida.bench;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The figures of a pair-matching benchmark: Spearman rank correlation ×100 (ties get their average rank),
 * the score threshold that maximises accuracy, and accuracy at a given threshold.
 */
final class MatchMetrics {

    private MatchMetrics() {
    }

    /** Spearman's rank correlation of {@code x} and {@code y}, ×100; 0 when either is constant. */
    static double spearman100(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("lengths differ: " + x.length + " vs " + y.length);
        }
        return 100 * pearson(ranks(x), ranks(y));
    }

    /** 1-based ranks of {@code values}; tied values all get the average of the ranks they span. */
    static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        int from = 0;
        while (from < n) {
            int to = from + 1;
            while (to < n && values[order[to]] == values[order[from]]) {
                to++;
            }
            double average = (from + 1 + to) / 2.0; // ranks from+1 .. to
            for (int k = from; k < to; k++) {
                ranks[order[k]] = average;
            }
            from = to;
        }
        return ranks;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** Share of pairs where {@code score >= threshold} agrees with {@code label == 1}. */
    static double accuracy(double[] scores, double[] labels, double threshold) {
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] >= threshold) == (labels[i] == 1)) {
                correct++;
            }
        }
        return scores.length == 0 ? 0 : (double) correct / scores.length;
    }

    /**
     * The threshold with the highest accuracy on these scores and 0/1 labels: the midpoint between two
     * neighbouring distinct scores (or just above the top score when predicting every pair negative wins).
     */
    static double bestThreshold(double[] scores, double[] labels) {
        int n = scores.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot pick a threshold on 0 pairs");
        }
        double[] sorted = scores.clone();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        Arrays.sort(sorted);
        int positives = 0;
        for (double l : labels) {
            positives += l == 1 ? 1 : 0;
        }
        // Threshold below everything: all predicted positive, correct = positives.
        int correct = positives;
        int best = correct;
        double bestThreshold = sorted[0] - 1e-9;
        int k = 0;
        while (k < n) {
            int to = k;
            while (to < n && scores[order[to]] == scores[order[k]]) {
                correct += labels[order[to]] == 1 ? -1 : 1; // this score now falls below the threshold
                to++;
            }
            if (correct > best) {
                best = correct;
                bestThreshold = to < n ? (sorted[to - 1] + sorted[to]) / 2 : sorted[n - 1] + 1e-9;
            }
            k = to;
        }
        return bestThreshold;
    }

    /** Result of {@link #crossValidatedAccuracy}: pooled held-out accuracy and the mean of the fold thresholds. */
    record CrossValidated(double accuracy, double meanThreshold) {
    }

    /** Accuracy where each of {@code folds} interleaved folds is scored at the threshold picked on the others. */
    static CrossValidated crossValidatedAccuracy(double[] scores, double[] labels, int folds) {
        int n = scores.length;
        if (n < folds) {
            throw new IllegalArgumentException("cannot cross-validate " + n + " pairs in " + folds + " folds");
        }
        int correct = 0;
        double thresholdSum = 0;
        for (int f = 0; f < folds; f++) {
            int held = (n - f + folds - 1) / folds;
            double[] trainScores = new double[n - held];
            double[] trainLabels = new double[n - held];
            int t = 0;
            for (int i = 0; i < n; i++) {
                if (i % folds != f) {
                    trainScores[t] = scores[i];
                    trainLabels[t++] = labels[i];
                }
            }
            double threshold = bestThreshold(trainScores, trainLabels);
            thresholdSum += threshold;
            for (int i = f; i < n; i += folds) {
                if ((scores[i] >= threshold) == (labels[i] == 1)) {
                    correct++;
                }
            }
        }
        return new CrossValidated((double) correct / n, thresholdSum / folds);
    }
}
