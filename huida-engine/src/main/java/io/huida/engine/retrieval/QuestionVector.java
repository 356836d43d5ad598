package io.huida.engine.retrieval;

import io.huida.engine.text.Language;

/**
 * A knowledge-base question as indexed: its FAQ's id, normalised text, language and unit sentence vector.
 *
 * @param faqId      the FAQ the question belongs to
 * @param normalized the normalised question
 * @param language   the vector space of {@code vector}
 * @param vector     the sentence vector
 */
public record QuestionVector(String faqId, String normalized, Language language, float[] vector) {
}
