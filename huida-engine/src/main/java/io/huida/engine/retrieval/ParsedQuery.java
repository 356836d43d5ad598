package io.huida.engine.retrieval;

import io.huida.engine.text.Language;

import java.util.List;
import java.util.Objects;

/**
 * A customer message prepared for retrieval: its normalised text, language, sentence vector, analysed terms and pinyin keys.
 */
public record ParsedQuery(String text, String normalized, Language language, float[] vector, List<String> terms, List<String> pinyin) {

    public ParsedQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(vector, "vector");
        terms = List.copyOf(terms);
        pinyin = List.copyOf(pinyin);
    }
}
