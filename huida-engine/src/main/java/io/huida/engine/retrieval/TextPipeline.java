package io.huida.engine.retrieval;

import io.huida.engine.embed.Embedder;
import io.huida.engine.text.HuidaAnalyzer;
import io.huida.engine.text.TextNormalizer;

import java.util.Objects;

/**
 * Everything that turns raw text into retrieval input: normalisation, analysis into terms, pinyin keys
 * and the sentence vector. Shared by indexing and querying so both see text the same way.
 */
public final class TextPipeline {

    private final TextNormalizer normalizer;
    private final HuidaAnalyzer analyzer;
    private final Embedder embedder;
    private final QueryAdapter adapter;

    /** A pipeline with the engine's built-in query adapter. */
    public TextPipeline(TextNormalizer normalizer, Embedder embedder) {
        this(normalizer, embedder, QueryAdapter.builtin());
    }

    public TextPipeline(TextNormalizer normalizer, Embedder embedder, QueryAdapter adapter) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.analyzer = new HuidaAnalyzer();
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }

    public String normalize(String text) {
        return normalizer.normalize(text);
    }

    public HuidaAnalyzer analyzer() {
        return analyzer;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** The map applied to query vectors before they are compared with the knowledge base's. */
    public QueryAdapter adapter() {
        return adapter;
    }
}
