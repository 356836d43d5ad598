package io.huida.engine.safety;

import java.util.Objects;

/**
 * Where personal data sits in a text: its type ({@link PiiMasker#PHONE}, {@link PiiMasker#ID_CARD},
 * {@link PiiMasker#BANK_CARD} or {@link PiiMasker#EMAIL}) and its span {@code [start, end)}. It deliberately
 * carries no part of the value, so a match can be logged or counted without leaking what it found.
 */
public record PiiMatch(String type, int start, int end) {

    /** Validates the span. */
    public PiiMatch {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("PII span must satisfy 0 <= start < end, got [" + start + ", " + end + ")");
        }
    }
}
