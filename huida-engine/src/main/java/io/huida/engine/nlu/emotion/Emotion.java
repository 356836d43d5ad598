package io.huida.engine.nlu.emotion;

import java.util.List;
import java.util.Objects;

/**
 * The emotion detected in one customer message: its label, how strongly it is expressed and the evidence.
 *
 * @param label     the dominant emotion, {@link EmotionLabel#NEUTRAL} when no emotion is expressed
 * @param intensity how strongly the label is expressed, from 0 (not at all) to 1; always 0 for neutral
 * @param cues      the matched evidence, e.g. {@code 太失望}, {@code 不是很满意 (negated)},
 *                  {@code !!!}; explanations show it to agents
 */
public record Emotion(EmotionLabel label, double intensity, List<String> cues) {

    /** The neutral emotion without evidence. */
    public static final Emotion NONE = new Emotion(EmotionLabel.NEUTRAL, 0.0, List.of());

    public Emotion {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(cues, "cues");
        if (!(intensity >= 0.0 && intensity <= 1.0)) {
            throw new IllegalArgumentException("intensity must be in [0, 1], got " + intensity);
        }
        if (label == EmotionLabel.NEUTRAL && intensity != 0.0) {
            throw new IllegalArgumentException("a neutral emotion has intensity 0, got " + intensity);
        }
        cues = List.copyOf(cues);
    }

    /** True for anger, anxiety and sadness. */
    public boolean negative() {
        return label == EmotionLabel.ANGRY || label == EmotionLabel.ANXIOUS || label == EmotionLabel.SAD;
    }
}
