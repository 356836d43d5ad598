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

    /**
     * The built-in extractors, lexicon and zone ({@link EntityConfig#defaults()}); one shared instance, so that
     * every bot built without its own analyzer does not load the lexicon and place tables again.
     */
    public static MessageAnalyzer defaults() {
        return Defaults.INSTANCE;
    }

    /** Holder of the shared default analyzer, built on first use. */
    private static final class Defaults {
        private static final MessageAnalyzer INSTANCE = build();

        private static MessageAnalyzer build() {
            EntityConfig config = EntityConfig.defaults();
            return new MessageAnalyzer(new EntityRecognizer(config), EmotionDetector.withBuiltInLexicon(), config.zone());
        }
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
