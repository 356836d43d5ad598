package io.huida.engine.retrieval;

import io.huida.engine.text.Language;

import java.util.List;
import java.util.Objects;

/**
 * A customer message prepared for retrieval: its normalised text, language, sentence vector, analysed terms and pinyin keys.
 *
 * @param vector    the vector it is compared with the knowledge base by: its sentence vector through the
 *                  {@link QueryAdapter}
 * @param core      the question inside a long message ({@link io.huida.engine.text.QuestionCore}), prepared the same
 *                  way, or null when the message is taken whole
 * @param embedding the sentence vector as the model gives it (what intent models are trained on)
 */
public record ParsedQuery(String text, String normalized, Language language, float[] vector, List<String> terms,
                          List<String> pinyin, ParsedQuery core, float[] embedding) {

    /** A query taken whole (no separate question core) whose vector is its sentence vector. */
    public ParsedQuery(String text, String normalized, Language language, float[] vector, List<String> terms, List<String> pinyin) {
        this(text, normalized, language, vector, terms, pinyin, null, vector);
    }

    public ParsedQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(embedding, "embedding");
        terms = List.copyOf(terms);
        pinyin = List.copyOf(pinyin);
        if (core != null && core.core() != null) {
            throw new IllegalArgumentException("a question core has no core of its own: '" + core.text() + "'");
        }
    }
}
