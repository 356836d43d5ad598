package io.huida.server.knowledge;

import io.huida.engine.retrieval.Ranker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineConfigTest {

    @Test
    void theRankerIsOptIn() {
        EngineConfig config = new EngineConfig();
        assertThat(config.calibrator(false).settings().ranker()).isNull();
        assertThat(config.calibrator(true).settings().ranker()).isSameAs(Ranker.builtIn()).isNotNull();
        assertThat(config.calibrator(true).settings().thresholdShift())
                .isNotEqualTo(config.calibrator(false).settings().thresholdShift());
    }
}
