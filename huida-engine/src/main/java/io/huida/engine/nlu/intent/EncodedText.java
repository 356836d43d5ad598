package io.huida.engine.nlu.intent;

import io.huida.engine.text.Language;

import java.util.Objects;

/**
 * A message after normalisation and embedding, ready for the intent model. The bot passes the vector it
 * already computed for retrieval, so a message is embedded once.
 *
 * @param normalized the normalised text
 * @param language   the language whose vector space {@code vector} lives in
 * @param vector     the unit sentence vector
 */
public record EncodedText(String normalized, Language language, float[] vector) {

    public EncodedText {
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(vector, "vector");
    }
}
