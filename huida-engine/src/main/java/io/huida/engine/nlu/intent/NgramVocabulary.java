package io.huida.engine.nlu.intent;

import io.huida.engine.text.Language;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The n-gram buckets seen in training with their inverse document frequencies; turns text into
 * sublinear-tf × idf weights, L2-normalised. N-grams never seen in training are dropped.
 */
final class NgramVocabulary {

    private final int[] buckets;
    private final float[] idf;
    private final Map<Integer, Integer> index;

    private NgramVocabulary(int[] buckets, float[] idf) {
        this.buckets = buckets;
        this.idf = idf;
        this.index = new HashMap<>(buckets.length * 2);
        for (int i = 0; i < buckets.length; i++) {
            index.put(buckets[i], i);
        }
    }

    /**
     * Learns the vocabulary of texts given by their n-gram counts: n-grams in at least {@code minDf} texts, at most
     * {@code maxSize} of them (the most frequent).
     */
    static NgramVocabulary fit(List<NgramFeatures.Counts> texts, int minDf, int maxSize) {
        Map<Integer, Integer> df = new HashMap<>();
        for (NgramFeatures.Counts t : texts) {
            for (int bucket : t.buckets()) {
                df.merge(bucket, 1, Integer::sum);
            }
        }
        int[] buckets = df.entrySet().stream()
                .filter(e -> e.getValue() >= minDf)
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(Math.max(0, maxSize))
                .mapToInt(Map.Entry::getKey).sorted().toArray();
        float[] idf = new float[buckets.length];
        double n = texts.size();
        for (int i = 0; i < buckets.length; i++) {
            idf[i] = (float) (Math.log((1 + n) / (1 + df.get(buckets[i]))) + 1);
        }
        return new NgramVocabulary(buckets, idf);
    }

    int size() {
        return buckets.length;
    }

    /** Returns the model input for {@code normalized} text in {@code language} with its sentence vector. */
    IntentFeatures features(String normalized, Language language, float[] vector) {
        return features(NgramFeatures.count(normalized), language, vector);
    }

    /** As {@link #features(String, Language, float[])} for text already counted into n-grams. */
    IntentFeatures features(NgramFeatures.Counts counts, Language language, float[] vector) {
        int[] buckets = counts.buckets();
        int[] idx = new int[buckets.length];
        float[] val = new float[buckets.length];
        int k = 0;
        double norm = 0;
        for (int b = 0; b < buckets.length; b++) {
            Integer i = index.get(buckets[b]);
            if (i == null) {
                continue;
            }
            float w = (float) ((1 + Math.log(counts.counts()[b])) * idf[i]);
            idx[k] = i;
            val[k++] = w;
            norm += w * w;
        }
        idx = Arrays.copyOf(idx, k);
        val = Arrays.copyOf(val, k);
        float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < k; j++) {
            val[j] *= inv;
        }
        return new IntentFeatures(language, vector, idx, val);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(buckets.length);
        for (int i = 0; i < buckets.length; i++) {
            out.writeInt(buckets[i]);
            out.writeFloat(idf[i]);
        }
    }

    static NgramVocabulary read(DataInputStream in) throws IOException {
        int n = in.readInt();
        int[] buckets = new int[n];
        float[] idf = new float[n];
        for (int i = 0; i < n; i++) {
            buckets[i] = in.readInt();
            idf[i] = in.readFloat();
        }
        return new NgramVocabulary(buckets, idf);
    }
}
