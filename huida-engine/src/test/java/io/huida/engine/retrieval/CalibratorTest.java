package io.huida.engine.retrieval;

import io.huida.engine.bot.TestKb;
import io.huida.engine.kb.Faq;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalibratorTest {

    @Test
    void learnsThresholdsFromTheKnowledgeBase() {
        Calibration c = TestKb.bot().calibration();
        assertThat(c.answerThreshold()).isEqualTo(0.5);
        assertThat(c.clarifyThreshold()).isBetween(0.05, 0.5);
        assertThat(c.slope()).isGreaterThan(1);
        // the score threshold (where p = 0.5) lies between unrelated and identical texts
        double scoreThreshold = -c.intercept() / c.slope();
        assertThat(scoreThreshold).isBetween(0.4, 1.2);
    }

    @Test
    void probabilityRisesWithEvidence() {
        Calibration c = TestKb.bot().calibration();
        Features weak = new Features(0.4, 0.0, 0.3, 0.2, 0.1, 0.1, 0, 0, 0, 0.3, 0.35);
        Features strong = new Features(0.9, 0.2, 0.7, 1, 0.8, 0.8, 0.5, 1, 1, 0.3, 0.9);
        assertThat(c.probability(strong)).isGreaterThan(0.9);
        assertThat(c.probability(weak)).isLessThan(0.1);
    }

    @Test
    void tinyKnowledgeBasesGetDefaults() {
        KnowledgeIndex index = KnowledgeIndex.build(List.of(Faq.of("F1", "", "怎么退款", List.of(), "点退款")),
                TestKb.pipeline(), null);
        Calibration c = new Calibrator(Calibrator.Settings.defaults()).calibrate(index);
        assertThat(c.answerThreshold()).isEqualTo(0.5);
        assertThat(c.probability(new Features(0.95, 0.95, 0.8, 1, 1, 1, 1, 1, 1, 0.3, 0.95))).isGreaterThan(0.5);
    }

    @Test
    void validatesSettingsAndCalibration() {
        assertThatThrownBy(() -> new Calibrator.Settings(new double[3], 10, 1, 0, 0.05, 0.1, 1, 0))
                .hasMessage("expected 13 weights, got 3");
        assertThatThrownBy(() -> new Calibration(new double[13], 1, 0, 0.3, 0.4, 0.1))
                .hasMessage("clarifyThreshold 0.4 exceeds answerThreshold 0.3");
    }
}
