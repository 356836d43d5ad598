package io.huida.engine.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.huida.engine.text.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-process BGE small v1.5 models (quantised ONNX, shipped as Maven artifacts): {@code bge-small-zh}
 * for Chinese and mixed text, {@code bge-small-en} for English. Models load lazily on first use and are
 * shared by all instances. Thread-safe.
 */
public final class BgeEmbedder implements Embedder {

    private static final ConcurrentMap<Language, EmbeddingModel> MODELS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "bge-small-v1.5-q";
    }

    @Override
    public float[] embed(String text, Language language) {
        Objects.requireNonNull(text, "text");
        return normalise(model(language).embed(text.isBlank() ? "?" : text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts, Language language) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t.isBlank() ? "?" : t));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        model(language).embedAll(segments).content().forEach(e -> out.add(normalise(e.vector())));
        return out;
    }

    /** Loads both models now rather than on the first message. */
    public void warmUp() {
        for (Language language : Language.values()) {
            embed("warm up", language);
        }
    }

    private static EmbeddingModel model(Language language) {
        return MODELS.computeIfAbsent(language, l -> switch (l) {
            case ZH -> new BgeSmallZhV15QuantizedEmbeddingModel();
            case EN -> new BgeSmallEnV15QuantizedEmbeddingModel();
        });
    }

    private static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
