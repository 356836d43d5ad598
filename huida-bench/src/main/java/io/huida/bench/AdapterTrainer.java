package io.huida.bench;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Learns the query adapter {@code W} (see {@code QueryAdapter}): for every example query, a softmax over its knowledge
 * base's question vectors, scored {@code scale · cos(W q, d)}, plus a "no FAQ" entry scored {@code scale · bias}; the
 * loss is minus the log of the probability of the right entry (any question of the expected FAQ, or "no FAQ" for an
 * out-of-scope query), averaged, plus {@code l2 · ‖W − I‖² / 2} so that the map stays near the identity. Full-batch
 * Adam from {@code W = I}; deterministic (fixed work split, fixed summation order).
 */
final class AdapterTrainer {

    /**
     * One knowledge base's examples.
     *
     * @param queries  query vectors (unit length)
     * @param targets  per query, the index of its FAQ in {@code textFaq}'s numbering, or -1 when no FAQ answers it
     * @param texts    the knowledge base's question vectors (unit length)
     * @param textFaq  per text, its FAQ's index
     * @param self     true when the queries are the texts themselves (each leaves itself out)
     */
    record Group(float[][] queries, int[] targets, float[][] texts, int[] textFaq, boolean self) {
        Group {
            Objects.requireNonNull(queries, "queries");
            if (targets.length != queries.length) {
                throw new IllegalArgumentException(queries.length + " queries but " + targets.length + " targets");
            }
            if (textFaq.length != texts.length) {
                throw new IllegalArgumentException(texts.length + " texts but " + textFaq.length + " FAQ indexes");
            }
            if (self && queries.length != texts.length) {
                throw new IllegalArgumentException("self examples need one query per text, got " + queries.length
                        + " queries for " + texts.length + " texts");
            }
        }
    }

    /** Training settings. */
    record Settings(double l2, int epochs, double scale, double bias, double rate) {
        Settings {
            if (!(l2 >= 0) || epochs < 1 || !(scale > 0) || !(rate > 0)) {
                throw new IllegalArgumentException("bad adapter settings: l2=" + l2 + " epochs=" + epochs + " scale="
                        + scale + " rate=" + rate);
            }
        }

        static Settings defaults() {
            return new Settings(0.001, 100, 20, 0.6, 0.01);
        }
    }

    /** The trained map and its final training loss. */
    record Result(float[] matrix, int dim, double loss) {
    }

    private static final int CHUNKS = 4;

    private final Settings settings;

    AdapterTrainer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    Result train(List<Group> groups, int dim) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no examples to train the adapter on");
        }
        double[] w = new double[dim * dim];
        for (int i = 0; i < dim; i++) {
            w[i * dim + i] = 1;
        }
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double loss = Double.NaN;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            double[] grad = new double[w.length];
            double[] lossAndWeight = new double[2];
            for (Group g : groups) {
                accumulate(g, w, dim, grad, lossAndWeight);
            }
            double n = lossAndWeight[1];
            loss = lossAndWeight[0] / n;
            double b1 = 1 - Math.pow(0.9, epoch);
            double b2 = 1 - Math.pow(0.999, epoch);
            for (int i = 0; i < w.length; i++) {
                double identity = (i / dim == i % dim) ? 1 : 0;
                double gi = grad[i] / n + settings.l2() * (w[i] - identity);
                m[i] = 0.9 * m[i] + 0.1 * gi;
                v[i] = 0.999 * v[i] + 0.001 * gi * gi;
                w[i] -= settings.rate() * (m[i] / b1) / (Math.sqrt(v[i] / b2) + 1e-8);
            }
        }
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (float) w[i];
        }
        return new Result(out, dim, loss);
    }

    /** Adds one group's loss gradient (w.r.t. W, unnormalised) to {@code grad}, its loss and weight to {@code lw}. */
    private void accumulate(Group g, double[] w, int dim, double[] grad, double[] lw) {
        int n = g.queries().length;
        int chunk = (n + CHUNKS - 1) / CHUNKS;
        double[][] partial = IntStream.range(0, CHUNKS).parallel()
                .mapToObj(c -> chunk(g, w, dim, c * chunk, Math.min(n, (c + 1) * chunk)))
                .toArray(double[][]::new);
        for (double[] p : partial) { // fixed order: the same sum whatever the threads
            for (int i = 0; i < grad.length; i++) {
                grad[i] += p[i];
            }
            lw[0] += p[grad.length];
            lw[1] += p[grad.length + 1];
        }
    }

    private double[] chunk(Group g, double[] w, int dim, int from, int to) {
        double[] out = new double[dim * dim + 2];
        float[][] texts = g.texts();
        int nt = texts.length;
        double s = settings.scale();
        double[] u = new double[dim];
        double[] z = new double[dim];
        double[] logits = new double[nt + 1];
        double[] gz = new double[dim];
        for (int i = from; i < to; i++) {
            float[] q = g.queries()[i];
            double norm = 0;
            for (int r = 0; r < dim; r++) {
                double acc = 0;
                int base = r * dim;
                for (int c = 0; c < dim; c++) {
                    acc += w[base + c] * q[c];
                }
                u[r] = acc;
                norm += acc * acc;
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < dim; r++) {
                z[r] = u[r] / norm;
            }
            double max = s * settings.bias();
            for (int j = 0; j < nt; j++) {
                double dot = 0;
                float[] d = texts[j];
                for (int r = 0; r < dim; r++) {
                    dot += z[r] * d[r];
                }
                logits[j] = (g.self() && j == i) ? Double.NEGATIVE_INFINITY : s * dot;
                max = Math.max(max, logits[j]);
            }
            logits[nt] = s * settings.bias();
            double sum = 0;
            for (int j = 0; j <= nt; j++) {
                logits[j] = Math.exp(logits[j] - max);
                sum += logits[j];
            }
            int target = g.targets()[i];
            double pos = 0;
            for (int j = 0; j <= nt; j++) {
                logits[j] /= sum; // now probabilities
                if (positive(g, i, j, target, nt)) {
                    pos += logits[j];
                }
            }
            out[dim * dim] -= Math.log(pos + 1e-12);
            out[dim * dim + 1] += 1;
            java.util.Arrays.fill(gz, 0);
            for (int j = 0; j < nt; j++) {
                double p = logits[j];
                double dl = positive(g, i, j, target, nt) ? p - p / pos : p;
                if (dl != 0) {
                    float[] d = texts[j];
                    for (int r = 0; r < dim; r++) {
                        gz[r] += s * dl * d[r];
                    }
                }
            }
            double proj = 0;
            for (int r = 0; r < dim; r++) {
                proj += gz[r] * z[r];
            }
            for (int r = 0; r < dim; r++) {
                double gu = (gz[r] - proj * z[r]) / norm;
                if (gu != 0) {
                    int base = r * dim;
                    for (int c = 0; c < dim; c++) {
                        out[base + c] += gu * q[c];
                    }
                }
            }
        }
        return out;
    }

    private static boolean positive(Group g, int i, int j, int target, int nt) {
        if (j == nt) {
            return target < 0;
        }
        return target >= 0 && g.textFaq()[j] == target && !(g.self() && j == i);
    }
}
