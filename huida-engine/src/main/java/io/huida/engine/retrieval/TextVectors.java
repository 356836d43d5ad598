package io.huida.engine.retrieval;

import io.huida.engine.text.Language;

import java.util.List;

/**
 * The indexed texts' vectors grouped by language, scored against a query two texts per pass over the query, so
 * that both share each load of it: about a quarter less time than one dot product per text, in the hottest loop of
 * every reply and of calibration. The texts' own arrays are used (no copy). Every text is summed in the same order
 * (eight accumulators), so a text scores the same whichever text it is paired with.
 */
final class TextVectors {

    /** Per language: the ordinals of its texts, in order, and their vectors. */
    private final int[][] ordinals;
    private final float[][][] rows;
    /** Per language, the length of its vectors (each language has its own model). */
    private final int[] dimensions;

    TextVectors(List<IndexedText> texts) {
        int languages = Language.values().length;
        int[] counts = new int[languages];
        this.dimensions = new int[languages];
        for (IndexedText t : texts) {
            int l = t.language().ordinal();
            if (counts[l]++ == 0) {
                dimensions[l] = t.vector().length;
            } else if (t.vector().length != dimensions[l]) {
                throw new IllegalArgumentException("text " + t.ordinal() + " has a vector of " + t.vector().length
                        + " dimensions, other " + t.language() + " texts have " + dimensions[l]);
            }
        }
        this.ordinals = new int[languages][];
        this.rows = new float[languages][][];
        for (int l = 0; l < languages; l++) {
            ordinals[l] = new int[counts[l]];
            rows[l] = new float[counts[l]][];
        }
        int[] filled = new int[languages];
        for (IndexedText t : texts) {
            int l = t.language().ordinal();
            int row = filled[l]++;
            ordinals[l][row] = t.ordinal();
            rows[l][row] = t.vector();
        }
    }

    /** Ordinals of the texts in {@code language}, in the order of {@link #dots}' results. */
    int[] ordinals(Language language) {
        return ordinals[language.ordinal()];
    }

    /** The dot product of {@code query} with every text in {@code language}, in the order of {@link #ordinals}. */
    double[] dots(float[] query, Language language) {
        int l = language.ordinal();
        float[][] m = rows[l];
        int n = m.length;
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        int d = dimensions[l];
        if (query.length != d) {
            throw new IllegalArgumentException("query vector has " + query.length + " dimensions, the " + language
                    + " texts " + d);
        }
        int r = 0;
        if (d % 8 == 0) {
            for (; r + 1 < n; r += 2) {
                pair(query, m[r], m[r + 1], out, r);
            }
        }
        for (; r < n; r++) {
            out[r] = dot(query, m[r]);
        }
        return out;
    }

    /** Texts {@code a} and {@code b} (results at {@code r} and {@code r + 1}) at once, each with eight accumulators. */
    private static void pair(float[] q, float[] a, float[] b, double[] out, int r) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        float t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0;
        for (int i = 0; i < q.length; i += 8) {
            float q0 = q[i], q1 = q[i + 1], q2 = q[i + 2], q3 = q[i + 3];
            float q4 = q[i + 4], q5 = q[i + 5], q6 = q[i + 6], q7 = q[i + 7];
            s0 += q0 * a[i];
            s1 += q1 * a[i + 1];
            s2 += q2 * a[i + 2];
            s3 += q3 * a[i + 3];
            s4 += q4 * a[i + 4];
            s5 += q5 * a[i + 5];
            s6 += q6 * a[i + 6];
            s7 += q7 * a[i + 7];
            t0 += q0 * b[i];
            t1 += q1 * b[i + 1];
            t2 += q2 * b[i + 2];
            t3 += q3 * b[i + 3];
            t4 += q4 * b[i + 4];
            t5 += q5 * b[i + 5];
            t6 += q6 * b[i + 6];
            t7 += q7 * b[i + 7];
        }
        out[r] = (s0 + s1) + (s2 + s3) + (s4 + s5) + (s6 + s7);
        out[r + 1] = (t0 + t1) + (t2 + t3) + (t4 + t5) + (t6 + t7);
    }

    /** One text, summed as {@link #pair} sums each of its two. */
    private static double dot(float[] q, float[] a) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int n = q.length;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            s0 += q[i] * a[i];
            s1 += q[i + 1] * a[i + 1];
            s2 += q[i + 2] * a[i + 2];
            s3 += q[i + 3] * a[i + 3];
            s4 += q[i + 4] * a[i + 4];
            s5 += q[i + 5] * a[i + 5];
            s6 += q[i + 6] * a[i + 6];
            s7 += q[i + 7] * a[i + 7];
        }
        for (; i < n; i++) {
            s0 += q[i] * a[i];
        }
        return (s0 + s1) + (s2 + s3) + (s4 + s5) + (s6 + s7);
    }
}
