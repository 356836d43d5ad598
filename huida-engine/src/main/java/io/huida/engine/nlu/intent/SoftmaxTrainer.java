package io.huida.engine.nlu.intent;

import io.huida.engine.text.Language;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Trains a {@link SoftmaxModel} by mini-batch AdaGrad with L2 regularisation. Each batch runs in parallel
 * phases: the forward passes split by example, the gradient and update split by weight row, so every
 * weight is written by one thread in example order and the model is the same whatever the core count.
 * Deterministic for a given seed.
 */
final class SoftmaxTrainer {

    private static final int BATCH = 32;
    /** Training sets up to this size get every epoch; larger ones proportionally fewer (see {@link #passes}). */
    static final int FULL_PASSES_UP_TO = 2_500;
    /** Fewest passes over a large training set. */
    static final int MIN_PASSES = 2;

    private final int parts;
    private final List<IntentFeatures> xs;
    private final int[] ys;
    private final int classes;
    private final SoftmaxModel m;
    private final float[][] denseGrad;
    private final float[][] denseAcc;
    private final float[] sparseGrad;
    private final float[] sparseAcc;
    private final float[] biasGrad;
    private final float[] biasAcc;
    private final float[][] deltas = new float[BATCH][];
    private final boolean[] touched;
    private final int[] touchedRows;
    private final float lr;
    private final float l2;

    private SoftmaxTrainer(List<IntentFeatures> xs, int[] ys, int classes, int vocabulary, IntentTrainer.Settings settings,
                           int threads) {
        this.parts = Math.max(1, Math.min(4, threads));
        this.xs = xs;
        this.ys = ys;
        this.classes = classes;
        int languages = Language.values().length;
        int[] dims = new int[languages];
        for (IntentFeatures f : xs) {
            int lang = f.language().ordinal();
            if (dims[lang] != 0 && dims[lang] != f.vector().length) {
                throw new IllegalArgumentException("sentence vectors of " + f.language() + " have lengths "
                        + dims[lang] + " and " + f.vector().length);
            }
            dims[lang] = f.vector().length;
        }
        float[][] dense = new float[languages][];
        denseGrad = new float[languages][];
        denseAcc = new float[languages][];
        for (int lang = 0; lang < languages; lang++) {
            dense[lang] = new float[dims[lang] * classes];
            denseGrad[lang] = new float[dims[lang] * classes];
            denseAcc[lang] = new float[dims[lang] * classes];
        }
        m = new SoftmaxModel(classes, dims, dense, new float[vocabulary * classes], new float[classes]);
        sparseGrad = new float[vocabulary * classes];
        sparseAcc = new float[vocabulary * classes];
        biasGrad = new float[classes];
        biasAcc = new float[classes];
        touched = new boolean[vocabulary];
        touchedRows = new int[vocabulary];
        lr = (float) stepSize(settings.learningRate(), settings.epochs(), xs.size());
        l2 = (float) settings.l2();
    }

    /**
     * Trains a model on {@code xs} with class indexes {@code ys} over {@code vocabulary} n-gram features,
     * splitting each batch over up to {@code threads} threads (1: all on the calling thread); the model is
     * the same for every thread count.
     */
    static SoftmaxModel train(List<IntentFeatures> xs, int[] ys, int classes, int vocabulary, IntentTrainer.Settings settings,
                              int threads) {
        SoftmaxTrainer t = new SoftmaxTrainer(xs, ys, classes, vocabulary, settings, threads);
        int[] order = new int[xs.size()];
        Arrays.setAll(order, i -> i);
        Random random = new Random(settings.seed());
        int epochs = passes(settings.epochs(), xs.size());
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int from = 0; from < order.length; from += BATCH) {
                t.step(order, from, Math.min(order.length, from + BATCH));
            }
        }
        return t.m;
    }

    /**
     * The AdaGrad step size for {@code examples}: {@code learningRate} when every epoch runs, larger when
     * {@link #passes} cuts them, by the square root of the cut (at most twice), so that the fewer passes
     * still reach weights about as sharp.
     */
    static double stepSize(double learningRate, int maxEpochs, int examples) {
        return learningRate * Math.min(2.0, Math.sqrt((double) maxEpochs / passes(maxEpochs, examples)));
    }

    /**
     * Passes over {@code examples}: {@code maxEpochs} for up to {@value #FULL_PASSES_UP_TO} examples, then
     * proportionally fewer (about {@code maxEpochs × 2,500} example updates in all, which the validation splits
     * of Banking77 and CLINC150 showed to be enough with {@link #stepSize}), but never under {@value #MIN_PASSES}
     * or {@code maxEpochs} if smaller. Large sets thus train in bounded time.
     */
    static int passes(int maxEpochs, int examples) {
        if (examples <= FULL_PASSES_UP_TO) {
            return maxEpochs;
        }
        int scaled = (int) Math.round((double) maxEpochs * FULL_PASSES_UP_TO / examples);
        return Math.min(maxEpochs, Math.max(MIN_PASSES, scaled));
    }

    private void step(int[] order, int from, int to) {
        int n = to - from;
        run(part -> {
            for (int b = part; b < n; b += parts) {
                float[] delta = m.softmax(m.logits(xs.get(order[from + b])));
                delta[ys[order[from + b]]] -= 1f;
                deltas[b] = delta;
            }
        });
        int nTouched = 0;
        for (int b = 0; b < n; b++) {
            for (int row : xs.get(order[from + b]).ngrams()) {
                if (!touched[row]) {
                    touched[row] = true;
                    touchedRows[nTouched++] = row;
                }
            }
        }
        int touchedCount = nTouched;
        float scale = 1f / n;
        run(part -> {
            updateDense(order, from, n, part, scale);
            updateSparse(order, from, n, part, touchedCount, scale);
            if (part == 0) {
                for (int b = 0; b < n; b++) {
                    for (int c = 0; c < classes; c++) {
                        biasGrad[c] += deltas[b][c];
                    }
                }
                adagrad(m.bias, biasGrad, biasAcc, 0, classes, scale, 0f);
            }
        });
        for (int t = 0; t < nTouched; t++) {
            touched[touchedRows[t]] = false;
        }
    }

    private void updateDense(int[] order, int from, int n, int part, float scale) {
        for (int lang = 0; lang < m.dims.length; lang++) {
            int dim = m.dims[lang];
            int lo = dim * part / parts;
            int hi = dim * (part + 1) / parts;
            boolean seen = false;
            for (int b = 0; b < n; b++) {
                IntentFeatures f = xs.get(order[from + b]);
                if (f.language().ordinal() != lang) {
                    continue;
                }
                seen = true;
                float[] x = f.vector();
                for (int j = lo; j < hi; j++) {
                    axpy(x[j], deltas[b], denseGrad[lang], j * classes);
                }
            }
            if (seen) {
                adagrad(m.dense[lang], denseGrad[lang], denseAcc[lang], lo * classes, (hi - lo) * classes, scale, l2);
            }
        }
    }

    private void updateSparse(int[] order, int from, int n, int part, int nTouched, float scale) {
        for (int b = 0; b < n; b++) {
            IntentFeatures f = xs.get(order[from + b]);
            int[] idx = f.ngrams();
            float[] val = f.weights();
            for (int k = 0; k < idx.length; k++) {
                if (idx[k] % parts == part) {
                    axpy(val[k], deltas[b], sparseGrad, idx[k] * classes);
                }
            }
        }
        for (int t = 0; t < nTouched; t++) {
            int row = touchedRows[t];
            if (row % parts == part) {
                adagrad(m.sparse, sparseGrad, sparseAcc, row * classes, classes, scale, l2);
            }
        }
    }

    private void run(java.util.function.IntConsumer body) {
        if (parts == 1) {
            body.accept(0);
        } else {
            IntStream.range(0, parts).parallel().forEach(body);
        }
    }

    private void adagrad(float[] w, float[] grad, float[] acc, int from, int len, float scale, float decay) {
        for (int i = from; i < from + len; i++) {
            float g = grad[i] * scale + decay * w[i];
            acc[i] += g * g;
            w[i] -= lr * g / (float) Math.sqrt(acc[i] + 1e-8f);
            grad[i] = 0f;
        }
    }

    /** {@code g[offset .. offset + d.length) += a * d}. */
    private static void axpy(float a, float[] d, float[] g, int offset) {
        if (a == 0f) {
            return;
        }
        for (int c = 0; c < d.length; c++) {
            g[offset + c] += a * d[c];
        }
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
