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
 * even when the softmax is sure.
 */
final class Prototypes {

    /** Most examples kept per intent (evenly spread over its examples), bounding the cost of a prediction. */
    static final int MAX_PER_INTENT = 200;

    private final int[][] languages;
    private final float[][][] vectors;

    private Prototypes(int[][] languages, float[][][] vectors) {
        this.languages = languages;
        this.vectors = vectors;
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
        for (int c = 0; c < classes; c++) {
            List<EncodedText> members = spread(byClass.get(c));
            languages[c] = members.stream().mapToInt(t -> t.language().ordinal()).toArray();
            vectors[c] = members.stream().map(EncodedText::vector).toArray(float[][]::new);
        }
        return new Prototypes(languages, vectors);
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
                out.writeInt(vectors[c][i].length);
                for (float f : vectors[c][i]) {
                    out.writeFloat(f);
                }
            }
        }
    }

    static Prototypes read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int[][] languages = new int[classes][];
        float[][][] vectors = new float[classes][][];
        for (int c = 0; c < classes; c++) {
            int n = in.readInt();
            languages[c] = new int[n];
            vectors[c] = new float[n][];
            for (int i = 0; i < n; i++) {
                languages[c][i] = in.readByte();
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = in.readFloat();
                }
                vectors[c][i] = v;
            }
        }
        return new Prototypes(languages, vectors);
    }
}
