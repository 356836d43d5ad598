package io.huida.engine.nlu.entity;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The per-message context of an extraction: the reference time that relative dates (今天, 上周五,
 * next Monday) are resolved against.
 *
 * @param referenceTime the moment the message was sent; its zone is converted to the configured zone
 *                      before relative dates are resolved
 */
public record ExtractionContext(ZonedDateTime referenceTime) {

    public ExtractionContext {
        Objects.requireNonNull(referenceTime, "referenceTime");
    }

    /** Returns a context whose reference time is now in {@code zone}. */
    public static ExtractionContext now(ZoneId zone) {
        return new ExtractionContext(ZonedDateTime.now(zone));
    }
}
