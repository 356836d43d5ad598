package io.huida.engine.retrieval;

import io.huida.engine.bot.TestKb;
import io.huida.engine.kb.Faq;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalibratorTest {

    private static final Features WEAK = new Features(0.4, 0.0, 0.3, 0.2, 0.1, 0.1, 0, 0, 0, 0.3, 0.35);
    private static final Features STRONG = new Features(0.9, 0.2, 0.7, 1, 0.8, 0.8, 0.5, 1, 1, 0.3, 0.9);

    @Test
    void learnsThresholdsOfTheLinearScoreFromTheKnowledgeBase() {
        Calibration c = new Calibrator(Calibrator.Settings.linear()).calibrate(TestKb.bot().index());
        assertThat(c.ranker()).isNull();
        assertThat(c.answerThreshold()).isEqualTo(0.5);
        assertThat(c.clarifyThreshold()).isBetween(0.05, 0.5);
        assertThat(c.slope()).isGreaterThan(1);
        // the score threshold (where p = 0.5) lies between unrelated and identical texts
        double scoreThreshold = -c.intercept() / c.slope();
        assertThat(scoreThreshold).isBetween(0.4, 1.2);
        assertThat(probability(c, STRONG, WEAK)).isGreaterThan(0.9);
        assertThat(probability(c, WEAK, STRONG)).isLessThan(0.1);
    }

    @Test
    void theRankedScoreIsTheShippedRankersCalibratedOnTheKnowledgeBase() {
        assertThat(TestKb.bot().calibration().ranker()).as("the default is the linear score").isNull();
        Calibration c = new Calibrator(Calibrator.Settings.ranked()).calibrate(TestKb.bot().index());
        assertThat(c.ranker()).isSameAs(Ranker.builtIn());
        assertThat(c.answerThreshold()).isEqualTo(0.5);
        assertThat(c.clarifyThreshold()).isBetween(0.05, 0.5);
        assertThat(c.slope()).isPositive();
        assertThat(probability(c, STRONG, WEAK)).isGreaterThan(0.8);
        assertThat(probability(c, WEAK, STRONG)).isLessThan(0.1);
        // a candidate that barely leads another as good as itself is less sure than one that leads clearly
        Features close = new Features(0.78, 0.01, 0.6, 1, 0.5, 0.5, 0.3, 1, 1, 0.4, 0.75);
        Features runnerUp = new Features(0.77, -0.01, 0.6, 0.9, 0.5, 0.5, 0.3, 0, 0, 0.4, 0.74);
        assertThat(probability(c, close, runnerUp)).isLessThan(probability(c, close, WEAK));
    }

    @Test
    void tinyKnowledgeBasesGetDefaults() {
        KnowledgeIndex index = KnowledgeIndex.build(List.of(Faq.of("F1", "", "怎么退款", List.of(), "点退款")),
                TestKb.pipeline(), null);
        Features match = new Features(0.95, 0.95, 0.8, 1, 1, 1, 1, 1, 1, 0.3, 0.95);
        for (Calibrator.Settings settings : List.of(Calibrator.Settings.ranked(), Calibrator.Settings.linear())) {
            Calibration c = new Calibrator(settings).calibrate(index);
            assertThat(c.answerThreshold()).isEqualTo(0.5);
            assertThat(c.probability("F1", c.scores(List.of(match))[0])).isGreaterThan(0.5);
        }
    }

    @Test
    void validatesSettingsAndCalibration() {
        assertThatThrownBy(() -> new Calibrator.Settings(new double[3], 10, 1, 0, 0.05, 0.1, 1, 0, null))
                .hasMessage("expected 13 weights, got 3");
        assertThatThrownBy(() -> new Calibration(new double[13], 1, 0, 0.3, 0.4, 0.1))
                .hasMessage("clarifyThreshold 0.4 exceeds answerThreshold 0.3");
    }

    /** The probability of the first candidate of a message whose candidates are {@code first} and {@code other}. */
    private static double probability(Calibration c, Features first, Features other) {
        return c.probability("F", c.scores(List.of(first, other))[0]);
    }
}
