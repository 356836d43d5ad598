package io.huida.engine.embed;

import io.huida.engine.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CachingEmbedderTest {

    /** Deterministic fake: a 2-d vector from the text's length, counting calls. */
    private static final class CountingEmbedder implements Embedder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public float[] embed(String text, Language language) {
            calls.incrementAndGet();
            return new float[]{text.length(), language.ordinal()};
        }
    }

    @Test
    void embedsEachTextOnceAndSurvivesARestart(@TempDir Path dir) {
        CountingEmbedder fake = new CountingEmbedder();
        CachingEmbedder cache = new CachingEmbedder(fake);
        List<float[]> first = cache.embedAll(List.of("a", "bb", "a"), Language.ZH);
        assertThat(first.get(0)).containsExactly(1f, 0f);
        assertThat(first.get(2)).isSameAs(first.get(0));
        cache.embed("bb", Language.ZH);
        assertThat(fake.calls.get()).isEqualTo(2);
        cache.embed("bb", Language.EN);
        cache.embed("bb", Language.EN);
        assertThat(fake.calls.get()).as("single embeds are not cached").isEqualTo(4);
        cache.embedAll(List.of("bb"), Language.EN);
        assertThat(fake.calls.get()).isEqualTo(5);

        cache.save(dir.resolve("v.bin"));
        CountingEmbedder fresh = new CountingEmbedder();
        CachingEmbedder reloaded = new CachingEmbedder(fresh);
        assertThat(reloaded.load(dir.resolve("v.bin"))).isEqualTo(3);
        assertThat(reloaded.embed("bb", Language.EN)).containsExactly(2f, 1f);
        assertThat(fresh.calls.get()).isZero();
        assertThat(reloaded.load(dir.resolve("missing.bin"))).isZero();
    }
}
