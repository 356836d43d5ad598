package io.huida.engine.nlu;

import io.huida.engine.nlu.emotion.Emotion;
import io.huida.engine.nlu.entity.Entity;

import java.util.List;

/**
 * Everything the engine understood of one message: intent, entities and emotion.
 *
 * @param intent     the recognised intent (name null when out of scope)
 * @param entities   the entities, by position
 * @param emotion    the emotion as callers see it
 * @param rawEmotion the detector's emotion, kept for conversation-level trends
 */
public record Understanding(RecognizedIntent intent, List<Entity> entities, DetectedEmotion emotion, Emotion rawEmotion) {

    public Understanding {
        entities = List.copyOf(entities);
    }
}
