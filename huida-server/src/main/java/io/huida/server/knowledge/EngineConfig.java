package io.huida.server.knowledge;

import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.retrieval.Calibrator;
import io.huida.engine.retrieval.QueryAdapter;
import io.huida.engine.retrieval.TextPipeline;
import io.huida.engine.text.TextNormalizer;
import io.huida.server.system.HuidaProperties;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's parts as beans: one embedder (with a vector cache in the data directory), pipeline, calibrator. */
@Configuration(proxyBeanMethods = false)
class EngineConfig {

    @Bean
    CachingEmbedder embedder(HuidaProperties properties) {
        CachingEmbedder embedder = new CachingEmbedder(new BgeEmbedder());
        embedder.load(properties.dataDir().resolve("embeddings.bin"));
        return embedder;
    }

    @Bean
    TextPipeline textPipeline(CachingEmbedder embedder, @Value("${huida.retrieval.adapter:builtin}") String adapter) {
        return new TextPipeline(new TextNormalizer(), embedder, adapter(adapter));
    }

    /**
     * The query adapter of {@code huida.retrieval.adapter} (HUIDA_RETRIEVAL_ADAPTER): {@code builtin} (the default,
     * trained on the development sets), {@code none} (sentence vectors as the model gives them) or the path of a file
     * written by {@code huida-bench train-adapter}, e.g. one trained on the company's own labelled questions.
     */
    static QueryAdapter adapter(String setting) {
        String s = setting == null ? "" : setting.strip();
        switch (s) {
            case "builtin", "" -> {
                return QueryAdapter.builtin();
            }
            case "none" -> {
                return QueryAdapter.identity();
            }
            default -> {
                Path file = Path.of(s);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("huida.retrieval.adapter: no file '" + s
                            + "' (use builtin, none or the path of a file written by huida-bench train-adapter)");
                }
                try {
                    return QueryAdapter.read(file);
                } catch (IOException e) {
                    throw new IllegalArgumentException("huida.retrieval.adapter: cannot read '" + s + "': " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * The linear evidence score by default; {@code huida.retrieval.ranker=true} (HUIDA_RETRIEVAL_RANKER) uses the
     * shipped ranker instead: far fewer wrong and out-of-scope answers, fewer questions answered at all.
     */
    @Bean
    Calibrator calibrator(@Value("${huida.retrieval.ranker:false}") boolean ranker) {
        return new Calibrator(ranker ? Calibrator.Settings.ranked() : Calibrator.Settings.defaults());
    }
}
