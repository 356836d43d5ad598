package io.huida.engine.nlu.entity;

import java.util.List;

/**
 * A component that finds entities of one type in a customer message.
 *
 * <p>Implementations are immutable and thread-safe. They accept the caller's original text (full-width
 * characters and traditional Chinese included) and report spans that index that text; they may return
 * overlapping candidates, which {@link EntityRecognizer} resolves.
 */
public interface EntityExtractor {

    /** Returns the name of this extractor, equal to the entity type it produces. */
    String name();

    /**
     * Returns the entities of this extractor's type found in {@code text}, in any order.
     *
     * @param text the original message
     * @param ctx  the reference time and other per-message context
     */
    List<Entity> extract(String text, ExtractionContext ctx);
}
