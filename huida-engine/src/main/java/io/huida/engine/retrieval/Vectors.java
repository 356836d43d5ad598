package io.huida.engine.retrieval;

/** The ranking arithmetic of the hot query path. */
final class Vectors {

    private Vectors() {
    }

    /**
     * {@code out[k] += Σ_i x[i] × columns[i][k]}: a matrix (stored column by column) times a vector, four columns per
     * pass over contiguous arrays, which the JIT turns into SIMD instructions, with a quarter of the loads and stores
     * of {@code out}. The summation order is fixed, so a result does not depend on anything but its own column entries.
     */
    static void addColumns(float[][] columns, float[] x, float[] out) {
        int d = columns.length;
        int n = out.length;
        int i = 0;
        for (; i + 3 < d; i += 4) {
            float q0 = x[i], q1 = x[i + 1], q2 = x[i + 2], q3 = x[i + 3];
            float[] c0 = columns[i], c1 = columns[i + 1], c2 = columns[i + 2], c3 = columns[i + 3];
            for (int k = 0; k < n; k++) {
                out[k] += q0 * c0[k] + q1 * c1[k] + q2 * c2[k] + q3 * c3[k];
            }
        }
        for (; i < d; i++) {
            float q = x[i];
            float[] ci = columns[i];
            for (int k = 0; k < n; k++) {
                out[k] += q * ci[k];
            }
        }
    }

    /** Indices of the {@code k} largest values, largest first, by partial insertion (k is small). */
    static int[] topK(double[] values, int k) {
        int n = Math.min(k, values.length);
        int[] best = new int[n];
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (size == n && v <= values[best[n - 1]]) {
                continue;
            }
            int pos = size < n ? size++ : n - 1;
            while (pos > 0 && values[best[pos - 1]] < v) {
                best[pos] = best[pos - 1];
                pos--;
            }
            best[pos] = i;
        }
        return best;
    }
}
