package io.huida.server.knowledge;

import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.retrieval.Calibrator;
import io.huida.engine.retrieval.TextPipeline;
import io.huida.engine.text.TextNormalizer;
import io.huida.server.system.HuidaProperties;
import org.springframework.beans.factory.annotation.Value;
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
    TextPipeline textPipeline(CachingEmbedder embedder) {
        return new TextPipeline(new TextNormalizer(), embedder);
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
