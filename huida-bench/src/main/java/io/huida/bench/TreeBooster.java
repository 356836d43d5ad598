package io.huida.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trains gradient-boosted regression trees for binary log loss (Newton steps, L2-regularised leaves): the trainer
 * of {@link io.huida.engine.retrieval.Ranker}. Split points are searched at up to {@link #BINS} quantiles of each
 * input. Deterministic.
 *
 * @param trees        number of trees
 * @param depth        depth of each tree
 * @param learningRate shrinkage of each tree's leaves
 * @param minLeaf      fewest rows in a leaf
 */
record TreeBooster(int trees, int depth, double learningRate, int minLeaf) {

    static final int BINS = 64;
    private static final double LAMBDA = 1.0;

    TreeBooster {
        if (trees < 1 || depth < 1 || !(learningRate > 0) || minLeaf < 1) {
            throw new IllegalArgumentException("trees, depth and min leaf must be positive and the rate above 0, got "
                    + trees + ", " + depth + ", " + learningRate + ", " + minLeaf);
        }
    }

    /** A trained model: the base log-odds and per tree its nodes {input or -1, threshold, left, right, leaf value}. */
    record Model(double base, List<List<double[]>> trees) {

        double logOdds(double[] x) {
            double s = base;
            for (List<double[]> t : trees) {
                int n = 0;
                while (t.get(n)[0] >= 0) {
                    double[] nd = t.get(n);
                    n = x[(int) nd[0]] < nd[1] ? (int) nd[2] : (int) nd[3];
                }
                s += t.get(n)[4];
            }
            return s;
        }
    }

    Model fit(double[][] x, boolean[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need as many labels as rows, and some rows: " + x.length + " rows, " + y.length + " labels");
        }
        int n = x.length;
        double positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        double rate = (positives + 0.5) / (n + 1);
        double base = Math.log(rate / (1 - rate));
        double[] f = new double[n];
        Arrays.fill(f, base);
        List<List<double[]>> model = new ArrayList<>();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double[] g = new double[n];
        double[] h = new double[n];
        for (int t = 0; t < trees; t++) {
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-f[i]));
                g[i] = (y[i] ? 1 : 0) - p;
                h[i] = p * (1 - p);
            }
            List<double[]> nodes = new ArrayList<>();
            grow(x, g, h, all, depth, nodes);
            for (int i = 0; i < n; i++) {
                f[i] += leaf(nodes, x[i]);
            }
            model.add(nodes);
        }
        return new Model(base, model);
    }

    private static double leaf(List<double[]> nodes, double[] x) {
        int n = 0;
        while (nodes.get(n)[0] >= 0) {
            double[] nd = nodes.get(n);
            n = x[(int) nd[0]] < nd[1] ? (int) nd[2] : (int) nd[3];
        }
        return nodes.get(n)[4];
    }

    /** Appends the subtree of {@code rows} to {@code nodes}; returns its root's index. */
    private int grow(double[][] x, double[] g, double[] h, int[] rows, int levels, List<double[]> nodes) {
        double gs = 0;
        double hs = 0;
        for (int r : rows) {
            gs += g[r];
            hs += h[r];
        }
        int self = nodes.size();
        nodes.add(new double[]{-1, 0, -1, -1, learningRate * gs / (hs + LAMBDA)});
        if (levels == 0 || rows.length < 2 * minLeaf) {
            return self;
        }
        double bestGain = 1e-9;
        int bestInput = -1;
        double bestThreshold = 0;
        double parent = gs * gs / (hs + LAMBDA);
        for (int j = 0; j < x[0].length; j++) {
            final int col = j;
            Integer[] order = Arrays.stream(rows).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> Double.compare(x[a][col], x[b][col]));
            double gl = 0;
            double hl = 0;
            int step = Math.max(1, rows.length / BINS);
            int next = minLeaf;
            for (int i = 0; i < order.length - minLeaf; i++) {
                gl += g[order[i]];
                hl += h[order[i]];
                int count = i + 1;
                if (count < next) {
                    continue;
                }
                double lo = x[order[i]][col];
                double hi = x[order[i + 1]][col];
                if (lo == hi) {
                    continue;
                }
                next = count + step;
                double gr = gs - gl;
                double hr = hs - hl;
                double gain = gl * gl / (hl + LAMBDA) + gr * gr / (hr + LAMBDA) - parent;
                if (gain > bestGain) {
                    bestGain = gain;
                    bestInput = col;
                    bestThreshold = (lo + hi) / 2;
                }
            }
        }
        if (bestInput < 0) {
            return self;
        }
        List<Integer> l = new ArrayList<>();
        List<Integer> r = new ArrayList<>();
        for (int row : rows) {
            (x[row][bestInput] < bestThreshold ? l : r).add(row);
        }
        int left = grow(x, g, h, l.stream().mapToInt(Integer::intValue).toArray(), levels - 1, nodes);
        int right = grow(x, g, h, r.stream().mapToInt(Integer::intValue).toArray(), levels - 1, nodes);
        nodes.set(self, new double[]{bestInput, bestThreshold, left, right, 0});
        return self;
    }
}
