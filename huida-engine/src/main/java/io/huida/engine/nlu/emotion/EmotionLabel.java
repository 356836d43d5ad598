package io.huida.engine.nlu.emotion;

import java.util.Locale;

/**
 * The emotion a customer message expresses, as far as service cares: anger (hand over to a human), anxiety
 * (reassure, hurry), sadness (empathise), satisfaction (close warmly) or none of them.
 */
public enum EmotionLabel {
    ANGRY, ANXIOUS, SAD, SATISFIED, NEUTRAL;

    /** The lower-case name used in data files and reports, e.g. {@code angry}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the label whose {@link #key()} is {@code key}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value when it is no label
     */
    public static EmotionLabel parse(String key) {
        if (key != null) {
            String k = key.strip().toUpperCase(Locale.ROOT);
            for (EmotionLabel label : values()) {
                if (label.name().equals(k)) {
                    return label;
                }
            }
        }
        throw new IllegalArgumentException("unknown emotion label '" + key
                + "', expected one of angry, anxious, sad, satisfied, neutral");
    }
}
