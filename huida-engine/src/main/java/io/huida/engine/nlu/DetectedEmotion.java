package io.huida.engine.nlu;

import io.huida.engine.nlu.emotion.Emotion;

import java.util.List;
import java.util.Locale;

/**
 * A message's emotion as callers see it.
 *
 * @param label     angry, anxious, sad, satisfied or neutral
 * @param intensity 0..1 (0 for neutral)
 * @param cues      the evidence, e.g. {@code 太 失望} or {@code !!!}
 */
public record DetectedEmotion(String label, double intensity, List<String> cues) {

    public DetectedEmotion {
        cues = List.copyOf(cues);
    }

    static DetectedEmotion of(Emotion e) {
        return new DetectedEmotion(e.label().name().toLowerCase(Locale.ROOT), Math.round(e.intensity() * 1000) / 1000.0, e.cues());
    }
}
