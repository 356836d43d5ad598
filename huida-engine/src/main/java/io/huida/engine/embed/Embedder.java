package io.huida.engine.embed;

import io.huida.engine.text.Language;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into an L2-normalised sentence vector. Each {@link Language} has its own vector space:
 * vectors are only compared within one language.
 */
public interface Embedder {

    /** A short name for reports, e.g. {@code bge-small-v1.5-q}. */
    String name();

    /** Embeds {@code text} (already normalised) in the space of {@code language}; the result has unit length. */
    float[] embed(String text, Language language);

    /** Embeds many texts of one language; implementations may batch or parallelise. */
    default List<float[]> embedAll(List<String> texts, Language language) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(embed(t, language));
        }
        return out;
    }

    /** Dot product of two unit vectors, i.e. their cosine similarity. */
    static float cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
        }
        float sum = 0f;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
