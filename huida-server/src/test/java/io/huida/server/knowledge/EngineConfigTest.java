package io.huida.server.knowledge;

import io.huida.engine.retrieval.QueryAdapter;
import io.huida.engine.retrieval.Ranker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineConfigTest {

    @Test
    void theRankerIsOptIn() {
        EngineConfig config = new EngineConfig();
        assertThat(config.calibrator(false).settings().ranker()).isNull();
        assertThat(config.calibrator(true).settings().ranker()).isSameAs(Ranker.builtIn()).isNotNull();
        assertThat(config.calibrator(true).settings().thresholdShift())
                .isNotEqualTo(config.calibrator(false).settings().thresholdShift());
    }

    @Test
    void theQueryAdapterIsBuiltInUnlessTurnedOffOrReplaced(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        assertThat(EngineConfig.adapter("builtin")).isSameAs(QueryAdapter.builtin());
        assertThat(EngineConfig.adapter("")).isSameAs(QueryAdapter.builtin());
        assertThat(EngineConfig.adapter("none").isIdentity()).isTrue();
        java.nio.file.Path file = dir.resolve("own.bin");
        QueryAdapter own = QueryAdapter.of(new float[]{0, 1, 1, 0}, 2);
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            own.write(out);
        }
        assertThat(EngineConfig.adapter(file.toString())).isEqualTo(own);
        assertThatThrownBy(() -> EngineConfig.adapter(dir.resolve("missing.bin").toString()))
                .hasMessageContaining("huida.retrieval.adapter: no file '").hasMessageContaining("missing.bin");
        java.nio.file.Files.writeString(dir.resolve("bad.bin"), "not an adapter");
        assertThatThrownBy(() -> EngineConfig.adapter(dir.resolve("bad.bin").toString()))
                .hasMessageContaining("cannot read").hasMessageContaining("is not a query adapter");
    }
}
