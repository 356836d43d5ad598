package io.huida.engine.nlu.intent;

import io.huida.engine.text.Language;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The training sentence vectors of every intent (at most {@link #MAX_PER_INTENT}), for the nearest-neighbour evidence: how close a message
 * comes to the closest example of an intent. Out-of-scope messages are usually far from every example
 * even when the softmax is sure, and further still from the intent's centroid (the unit mean of all its
 * examples).
 */
final class Prototypes {

    /** Most examples kept per intent (evenly spread over its examples), bounding the cost of a prediction. */
    static final int MAX_PER_INTENT = 200;

    private final int[][] languages;
    private final float[][][] vectors;
    /** Per class and language: the unit mean of all its training vectors of that language (null: none). */
    private final float[][][] centroids;

    private Prototypes(int[][] languages, float[][][] vectors, float[][][] centroids) {
        this.languages = languages;
        this.vectors = vectors;
        this.centroids = centroids;
    }

    static Prototypes of(List<EncodedText> texts, int[] classOf, int classes) {
        List<List<EncodedText>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < texts.size(); i++) {
            byClass.get(classOf[i]).add(texts.get(i));
        }
        int[][] languages = new int[classes][];
        float[][][] vectors = new float[classes][][];
        float[][][] centroids = new float[classes][][];
        for (int c = 0; c < classes; c++) {
            centroids[c] = centroids(byClass.get(c));
            List<EncodedText> members = spread(byClass.get(c));
            languages[c] = members.stream().mapToInt(t -> t.language().ordinal()).toArray();
            vectors[c] = members.stream().map(EncodedText::vector).toArray(float[][]::new);
        }
        return new Prototypes(languages, vectors, centroids);
    }

    private static float[][] centroids(List<EncodedText> members) {
        float[][] sums = new float[Language.values().length][];
        for (EncodedText t : members) {
            int lang = t.language().ordinal();
            if (sums[lang] == null) {
                sums[lang] = new float[t.vector().length];
            }
            if (sums[lang].length == t.vector().length) {
                for (int j = 0; j < sums[lang].length; j++) {
                    sums[lang][j] += t.vector()[j];
                }
            }
        }
        for (float[] sum : sums) {
            if (sum != null) {
                double norm = Math.sqrt(dot(sum, sum));
                for (int j = 0; j < sum.length; j++) {
                    sum[j] = norm == 0 ? 0 : (float) (sum[j] / norm);
                }
            }
        }
        return sums;
    }

    /**
     * Cosine between {@code vector} (of {@code language}) and the mean of class {@code c}'s training vectors:
     * how typical of the intent the message is, the better out-of-scope evidence; -1 if none.
     */
    float centroid(float[] vector, Language language, int c) {
        float[] centroid = centroids[c][language.ordinal()];
        return centroid == null || centroid.length != vector.length ? -1f : dot(vector, centroid);
    }

    private static List<EncodedText> spread(List<EncodedText> members) {
        if (members.size() <= MAX_PER_INTENT) {
            return members;
        }
        List<EncodedText> kept = new ArrayList<>(MAX_PER_INTENT);
        for (int k = 0; k < MAX_PER_INTENT; k++) {
            kept.add(members.get((int) ((long) k * members.size() / MAX_PER_INTENT)));
        }
        return kept;
    }

    /** Highest cosine between {@code vector} (of {@code language}) and an example of class {@code c}; -1 if none. */
    float nearest(float[] vector, Language language, int c) {
        float best = -1f;
        int lang = language.ordinal();
        for (int i = 0; i < vectors[c].length; i++) {
            if (languages[c][i] == lang && vectors[c][i].length == vector.length) {
                best = Math.max(best, dot(vector, vectors[c][i]));
            }
        }
        return best;
    }

    private static float dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return s0 + s1 + s2 + s3;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(vectors.length);
        for (int c = 0; c < vectors.length; c++) {
            out.writeInt(vectors[c].length);
            for (int i = 0; i < vectors[c].length; i++) {
                out.writeByte(languages[c][i]);
                writeFloats(out, vectors[c][i]);
            }
            for (float[] centroid : centroids[c]) {
                out.writeBoolean(centroid != null);
                if (centroid != null) {
                    writeFloats(out, centroid);
                }
            }
        }
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        byte[] buf = new byte[v.length * 4];
        java.nio.ByteBuffer.wrap(buf).asFloatBuffer().put(v);
        out.write(buf);
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] v = new float[in.readInt()];
        byte[] buf = in.readNBytes(v.length * 4);
        if (buf.length != v.length * 4) {
            throw new IOException("intent model file is truncated");
        }
        java.nio.ByteBuffer.wrap(buf).asFloatBuffer().get(v);
        return v;
    }

    static Prototypes read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int[][] languages = new int[classes][];
        float[][][] vectors = new float[classes][][];
        float[][][] centroids = new float[classes][Language.values().length][];
        for (int c = 0; c < classes; c++) {
            int n = in.readInt();
            languages[c] = new int[n];
            vectors[c] = new float[n][];
            for (int i = 0; i < n; i++) {
                languages[c][i] = in.readByte();
                vectors[c][i] = readFloats(in);
            }
            for (int lang = 0; lang < centroids[c].length; lang++) {
                centroids[c][lang] = in.readBoolean() ? readFloats(in) : null;
            }
        }
        return new Prototypes(languages, vectors, centroids);
    }
}
