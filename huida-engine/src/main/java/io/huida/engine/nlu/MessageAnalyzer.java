package io.huida.engine.nlu;

import io.huida.engine.nlu.emotion.EmotionDetector;
import io.huida.engine.nlu.entity.EntityConfig;
import io.huida.engine.nlu.entity.EntityRecognizer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Finds the entities and the emotion of a customer message. Stateless and thread-safe; relative dates are
 * resolved against the message's time in the configured zone.
 */
public final class MessageAnalyzer {

    private final EntityRecognizer entities;
    private final EmotionDetector emotions;
    private final ZoneId zone;

    public MessageAnalyzer(EntityRecognizer entities, EmotionDetector emotions, ZoneId zone) {
        this.entities = Objects.requireNonNull(entities, "entities");
        this.emotions = Objects.requireNonNull(emotions, "emotions");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The built-in extractors, lexicon and zone ({@link EntityConfig#defaults()}). */
    public static MessageAnalyzer defaults() {
        EntityConfig config = EntityConfig.defaults();
        return new MessageAnalyzer(new EntityRecognizer(config), EmotionDetector.withBuiltInLexicon(), config.zone());
    }

    /** The emotion detector, for conversation-level trends. */
    public EmotionDetector emotions() {
        return emotions;
    }

    /** Analyses {@code text} as sent at {@code sentAt}. */
    public MessageSignals analyze(String text, Instant sentAt) {
        return new MessageSignals(entities.recognize(text, sentAt.atZone(zone)), emotions.detect(text));
    }
}
