package io.huida.engine.retrieval;

import java.util.List;

/** Binary logistic regression trained by full-batch gradient descent with L2 regularisation and class weights. */
public final class LogisticRegression {

    private LogisticRegression() {
    }

    /**
     * Fits weights for {@code rows} (feature vectors) and {@code labels}; returns weights with the bias last.
     *
     * @param positiveWeight weight of each positive row relative to a negative one
     */
    public static double[] fit(List<double[]> rows, List<Boolean> labels, double positiveWeight, double l2, int iterations) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a logistic regression on 0 rows");
        }
        int d = rows.get(0).length;
        double[] w = new double[d + 1];
        double[] grad = new double[d + 1];
        double[] m = new double[d + 1];
        double[] v = new double[d + 1];
        double rate = 0.05;
        double totalWeight = 0;
        for (boolean label : labels) {
            totalWeight += label ? positiveWeight : 1;
        }
        for (int it = 1; it <= iterations; it++) {
            java.util.Arrays.fill(grad, 0);
            for (int r = 0; r < rows.size(); r++) {
                double[] x = rows.get(r);
                boolean y = labels.get(r);
                double p = sigmoid(dot(w, x));
                double g = ((y ? 1 : 0) - p) * (y ? positiveWeight : 1) / totalWeight;
                for (int j = 0; j < d; j++) {
                    grad[j] -= g * x[j];
                }
                grad[d] -= g;
            }
            for (int j = 0; j < d; j++) {
                grad[j] += l2 * w[j];
            }
            for (int j = 0; j <= d; j++) { // Adam
                m[j] = 0.9 * m[j] + 0.1 * grad[j];
                v[j] = 0.999 * v[j] + 0.001 * grad[j] * grad[j];
                double mh = m[j] / (1 - Math.pow(0.9, it));
                double vh = v[j] / (1 - Math.pow(0.999, it));
                w[j] -= rate * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        return w;
    }

    static double dot(double[] w, double[] x) {
        double s = w[x.length];
        for (int j = 0; j < x.length; j++) {
            s += w[j] * x[j];
        }
        return s;
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
