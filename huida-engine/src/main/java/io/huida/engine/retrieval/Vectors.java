package io.huida.engine.retrieval;

/** The ranking arithmetic of the hot query path. */
final class Vectors {

    private Vectors() {
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
