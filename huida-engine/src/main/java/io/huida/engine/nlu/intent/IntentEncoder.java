package io.huida.engine.nlu.intent;

import io.huida.engine.embed.Embedder;
import io.huida.engine.text.Language;
import io.huida.engine.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Normalises and embeds raw messages for the intent model, many at a time (one batch per language). */
public final class IntentEncoder {

    private final TextNormalizer normalizer;
    private final Embedder embedder;

    public IntentEncoder(TextNormalizer normalizer, Embedder embedder) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    /** The embedder's name, recorded in saved models so a model is never used with other vectors. */
    public String embedderName() {
        return embedder.name();
    }

    /** Encodes one message. */
    public EncodedText encode(String text) {
        String normalized = normalizer.normalize(text);
        Language language = Language.of(normalized);
        return new EncodedText(normalized, language, embedder.embed(normalized.isEmpty() ? text : normalized, language));
    }

    /** Encodes many messages, in input order. */
    public List<EncodedText> encodeAll(List<String> texts) {
        EncodedText[] out = new EncodedText[texts.size()];
        String[] normalized = new String[texts.size()];
        for (int i = 0; i < normalized.length; i++) {
            String n = normalizer.normalize(texts.get(i));
            normalized[i] = n.isEmpty() ? texts.get(i) : n;
        }
        for (Language language : Language.values()) {
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < normalized.length; i++) {
                if (Language.of(normalized[i]) == language) {
                    positions.add(i);
                }
            }
            List<float[]> vectors = embedder.embedAll(positions.stream().map(i -> normalized[i]).toList(), language);
            for (int k = 0; k < positions.size(); k++) {
                int i = positions.get(k);
                out[i] = new EncodedText(normalized[i], language, vectors.get(k));
            }
        }
        return Arrays.asList(out);
    }
}
