package io.huida.engine.nlu;

import io.huida.engine.nlu.emotion.Emotion;
import io.huida.engine.nlu.entity.Entity;

import java.util.List;

/**
 * What a message carries besides its intent: the entities in it and the customer's emotion.
 *
 * @param entities the entities, by position; spans index the original message
 * @param emotion  the detected emotion (also kept raw for conversation-level trends)
 */
public record MessageSignals(List<Entity> entities, Emotion emotion) {

    public MessageSignals {
        entities = List.copyOf(entities);
    }

    /** The emotion as callers see it. */
    public DetectedEmotion detectedEmotion() {
        return DetectedEmotion.of(emotion);
    }
}
