package io.huida.engine.nlu.intent;

import io.huida.engine.text.Language;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A multinomial logistic regression over a message's sentence vector (one weight block per language, as
 * each language has its own vector space) and its tf-idf n-grams. Weights are stored feature-major, so
 * scoring and training are runs of {@code a·x + y} over the classes, which the JIT vectorises. Trained by
 * {@link SoftmaxTrainer}.
 */
final class SoftmaxModel {

    final int classes;
    final int[] dims;
    final float[][] dense;
    final float[] sparse;
    final float[] bias;

    SoftmaxModel(int classes, int[] dims, float[][] dense, float[] sparse, float[] bias) {
        this.classes = classes;
        this.dims = dims;
        this.dense = dense;
        this.sparse = sparse;
        this.bias = bias;
    }

    int classes() {
        return classes;
    }

    /** Raw class scores (logits) for {@code f}. */
    float[] logits(IntentFeatures f) {
        float[] z = bias.clone();
        int lang = f.language().ordinal();
        float[] w = dense[lang];
        float[] x = f.vector();
        if (x.length == dims[lang]) { // a language unseen in training has no weights
            for (int j = 0; j < x.length; j++) {
                axpy(x[j], w, j * classes, z);
            }
        }
        int[] idx = f.ngrams();
        float[] val = f.weights();
        for (int k = 0; k < idx.length; k++) {
            axpy(val[k], sparse, idx[k] * classes, z);
        }
        return z;
    }

    /** Softmax of {@code z} in place (numerically stable); returns {@code z}. */
    float[] softmax(float[] z) {
        return softmax(z, 1f);
    }

    static float[] softmax(float[] z, float temperature) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = (float) Math.exp((z[c] - max) / temperature);
            sum += z[c];
        }
        float inv = (float) (1 / sum);
        for (int c = 0; c < z.length; c++) {
            z[c] *= inv;
        }
        return z;
    }

    /** {@code z += a * w[offset .. offset + z.length)}. */
    private static void axpy(float a, float[] w, int offset, float[] z) {
        if (a == 0f) {
            return;
        }
        for (int c = 0; c < z.length; c++) {
            z[c] += a * w[offset + c];
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(classes);
        out.writeInt(dense.length);
        for (int lang = 0; lang < dense.length; lang++) {
            out.writeInt(dims[lang]);
            writeFloats(out, dense[lang]);
        }
        writeFloats(out, sparse);
        writeFloats(out, bias);
    }

    static SoftmaxModel read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int languages = in.readInt();
        int[] dims = new int[languages];
        float[][] dense = new float[languages][];
        for (int i = 0; i < languages; i++) {
            dims[i] = in.readInt();
            dense[i] = readFloats(in);
        }
        return new SoftmaxModel(classes, dims, dense, readFloats(in), readFloats(in));
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        byte[] buf = new byte[a.length * 4];
        java.nio.ByteBuffer.wrap(buf).asFloatBuffer().put(a);
        out.write(buf);
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] a = new float[in.readInt()];
        byte[] buf = in.readNBytes(a.length * 4);
        if (buf.length != a.length * 4) {
            throw new IOException("intent model file is truncated");
        }
        java.nio.ByteBuffer.wrap(buf).asFloatBuffer().get(a);
        return a;
    }
}
