package io.huida.engine.nlu.intent;

import io.huida.engine.retrieval.LogisticRegression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the calibration fold taught: the softmax temperature, how the top intent's probability, its
 * nearest-example cosine and its centroid cosine combine into the confidence that the answer is right, and
 * the out-of-scope threshold on that confidence.
 *
 * @param temperature divides the logits before the softmax (fitted by least log-loss)
 * @param gamma       weight of the nearest-example cosine added to each top intent's probability when ranking
 * @param eta         weight of the centroid cosine added likewise
 * @param weights     logistic weights of {top probability, nearest-example cosine, centroid cosine, bias}
 * @param threshold   confidence under which a message is out of scope
 */
record Calibration(float temperature, float gamma, float eta, double[] weights, double threshold) {

    static final Calibration NONE = new Calibration(1f, 0f, 0f, new double[] {1, 0, 0, 0}, 0);

    /** Number of logistic weights: three kinds of evidence and the bias. */
    static final int WEIGHTS = 4;

    Calibration {
        if (weights.length != WEIGHTS) {
            throw new IllegalArgumentException("expected " + WEIGHTS + " confidence weights, got " + weights.length);
        }
    }
    /** How many of the most probable intents are re-ranked with their nearest-example cosine. */
    static final int TOP = 5;

    private static final float[] GAMMAS = {0f, 0.25f, 0.5f, 1f, 2f, 4f, 8f, 16f};

    private static final float[] ETAS = {0f, 1f, 2f, 4f, 8f, 12f, 16f};

    private static final float[] TEMPERATURES = {0.25f, 0.35f, 0.5f, 0.7f, 0.85f, 1f, 1.2f, 1.5f, 2f, 2.5f, 3f, 4f};

    /**
     * One held-out message: its logits, its {@link #TOP} most probable classes with their nearest-example
     * and centroid cosines, and its gold class (-1: out of scope).
     */
    record Observation(float[] logits, int[] top, float[] nearest, float[] centroid, int gold) {
    }

    /**
     * Position in {@code top} of the best class once each probability gains {@code gamma} × its nearest cosine
     * and {@code eta} × its centroid cosine.
     */
    static int best(float[] p, int[] top, float[] nearest, float[] centroid, float gamma, float eta) {
        int best = 0;
        for (int k = 1; k < top.length; k++) {
            if (rankScore(p[top[k]], nearest[k], centroid[k], gamma, eta)
                    > rankScore(p[top[best]], nearest[best], centroid[best], gamma, eta)) {
                best = k;
            }
        }
        return best;
    }

    /** The score a top intent is ranked by. */
    static float rankScore(float p, float nearest, float centroid, float gamma, float eta) {
        return p + gamma * nearest + eta * centroid;
    }

    float rankScore(float p, float nearest, float centroid) {
        return rankScore(p, nearest, centroid, gamma, eta);
    }

    /** The calibrated confidence that the top intent of a message is right. */
    double confidence(double topProbability, double nearest, double centroid) {
        return LogisticRegression.sigmoid(weights[0] * topProbability + weights[1] * nearest
                + weights[2] * centroid + weights[3]);
    }

    /**
     * Fits on held-out observations. The threshold maximises the share of in-scope messages answered with
     * the right intent plus {@code rejectWeight} times the share of out-of-scope messages rejected.
     */
    static Calibration fit(List<Observation> observations, double rejectWeight) {
        List<Observation> in = observations.stream().filter(o -> o.gold() >= 0).toList();
        if (in.isEmpty()) {
            return NONE;
        }
        float temperature = temperature(in);
        List<float[]> probabilities = observations.stream().map(o -> SoftmaxModel.softmax(o.logits().clone(), temperature)).toList();
        float gamma = 0f;
        float eta = 0f;
        int bestRight = -1;
        for (float g : GAMMAS) {
            for (float e : ETAS) {
                int rightCount = 0;
                for (int i = 0; i < observations.size(); i++) {
                    Observation o = observations.get(i);
                    rightCount += o.top()[best(probabilities.get(i), o.top(), o.nearest(), o.centroid(), g, e)] == o.gold() ? 1 : 0;
                }
                if (rightCount > bestRight) {
                    bestRight = rightCount;
                    gamma = g;
                    eta = e;
                }
            }
        }
        List<double[]> rows = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            int k = best(probabilities.get(i), o.top(), o.nearest(), o.centroid(), gamma, eta);
            rows.add(new double[] {probabilities.get(i)[o.top()[k]], o.nearest()[k], o.centroid()[k]});
            right.add(o.top()[k] == o.gold());
        }
        double[] weights = NONE.weights().clone();
        long positives = right.stream().filter(Boolean::booleanValue).count();
        long negatives = right.size() - positives;
        if (positives > 0 && negatives > 0) {
            // balanced classes so the rare wrong and out-of-scope messages shape the boundary, then the
            // intercept moved back by the log prior odds so the confidence stays a probability
            weights = LogisticRegression.fit(rows, right, (double) negatives / positives, 1e-4, 600);
            weights[WEIGHTS - 1] += Math.log((double) positives / negatives);
        }
        Calibration c = new Calibration(temperature, gamma, eta, weights, 0);
        if (in.size() == observations.size()) {
            return c;
        }
        double[][] scored = new double[observations.size()][]; // {confidence, in scope, right}
        for (int i = 0; i < observations.size(); i++) {
            double[] r = rows.get(i);
            scored[i] = new double[] {c.confidence(r[0], r[1], r[2]), observations.get(i).gold() >= 0 ? 1 : 0, right.get(i) ? 1 : 0};
        }
        return new Calibration(temperature, gamma, eta, weights, threshold(scored, in.size(), observations.size() - in.size(), rejectWeight));
    }

    private static float temperature(List<Observation> in) {
        float temperature = 1f;
        double best = Double.MAX_VALUE;
        for (float t : TEMPERATURES) {
            double loss = 0;
            for (Observation o : in) {
                loss -= Math.log(Math.max(1e-12, SoftmaxModel.softmax(o.logits().clone(), t)[o.gold()]));
            }
            if (loss < best) {
                best = loss;
                temperature = t;
            }
        }
        return temperature;
    }

    /** Sweeps candidate thresholds in ascending confidence order, counting in one pass. */
    private static double threshold(double[][] scored, int inScope, int outOfScope, double rejectWeight) {
        Arrays.sort(scored, (a, b) -> Double.compare(a[0], b[0]));
        int answeredRight = 0;
        for (double[] s : scored) {
            answeredRight += s[1] == 1 && s[2] == 1 ? 1 : 0;
        }
        int rejectedOos = 0;
        double best = (double) answeredRight / inScope;
        double threshold = 0;
        for (int i = 0; i < scored.length; i++) {
            if (scored[i][1] == 1 && scored[i][2] == 1) {
                answeredRight--;
            } else if (scored[i][1] == 0) {
                rejectedOos++;
            }
            if (i + 1 < scored.length && scored[i + 1][0] == scored[i][0]) {
                continue;
            }
            double score = (double) answeredRight / inScope + rejectWeight * rejectedOos / outOfScope;
            if (score > best) {
                best = score;
                threshold = Math.nextUp(scored[i][0]);
            }
        }
        return threshold;
    }

    /** The indexes of the {@link #TOP} largest values, largest first, leaving out {@code excluded} (-1: none). */
    static int[] top(float[] p, int excluded) {
        int k = Math.min(TOP, excluded >= 0 ? p.length - 1 : p.length);
        int[] top = new int[k];
        boolean[] used = new boolean[p.length];
        if (excluded >= 0) {
            used[excluded] = true;
        }
        for (int r = 0; r < k; r++) {
            int best = -1;
            for (int c = 0; c < p.length; c++) {
                if (!used[c] && (best < 0 || p[c] > p[best])) {
                    best = c;
                }
            }
            used[best] = true;
            top[r] = best;
        }
        return top;
    }
}
