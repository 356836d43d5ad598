package io.huida.engine.retrieval;

import io.huida.engine.bot.Bot;
import io.huida.engine.bot.TestKb;
import io.huida.engine.kb.Faq;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FaqOffsetsTest {

    private static final List<Faq> FAQS = List.of(
            Faq.of("F1", "", "怎么退款", List.of(), "点退款"),
            Faq.of("F2", "", "怎么改地址", List.of(), "点修改"),
            Faq.of("F3", "", "怎么开发票", List.of(), "点发票"));

    @Test
    void lowersTheThresholdOfFaqsWhoseQuestionsScoreLowAndShrinksTowardsTheMean() {
        // F1's questions score 0.8 and 0.8, F2's 1.2 and 1.2; F3 was not sampled. Mean 1.0, prior 2:
        // F1 shrunk (1.6 + 2) / 4 = 0.9 -> offset 0.5 * -0.1; F2 shrunk 1.1 -> +0.05
        Map<String, Double> offsets = FaqOffsets.of(FAQS, new double[]{0.8, 1.2, 0.8, 1.2}, new int[]{0, 1, 0, 1}, 0.5, 2);
        assertThat(offsets.get("F1")).isCloseTo(-0.05, within(1e-9));
        assertThat(offsets.get("F2")).isCloseTo(0.05, within(1e-9));
        assertThat(offsets).doesNotContainKey("F3");
    }

    @Test
    void zeroWeightMeansOneThresholdForAll() {
        assertThat(FaqOffsets.of(FAQS, new double[]{0.8, 1.2}, new int[]{0, 1}, 0, 2)).isEmpty();
    }

    @Test
    void failsOnBadInput() {
        assertThatThrownBy(() -> FaqOffsets.of(FAQS, new double[]{0.8}, new int[]{0, 1}, 0.1, 2))
                .hasMessage("1 scores but 2 FAQ ordinals");
        assertThatThrownBy(() -> FaqOffsets.of(FAQS, new double[]{0.8}, new int[]{3}, 0.1, 2))
                .hasMessage("FAQ ordinal 3 outside 0..2");
        assertThatThrownBy(() -> FaqOffsets.of(FAQS, new double[]{0.8}, new int[]{0}, -0.1, 2))
                .hasMessage("weight must not be negative, got -0.1");
        assertThatThrownBy(() -> FaqOffsets.of(FAQS, new double[]{0.8}, new int[]{0}, 0.1, 0))
                .hasMessage("prior must be positive, got 0.0");
    }

    @Test
    void anFaqsOffsetMovesOnlyItsOwnProbability() {
        Calibration c = new Calibration(new double[]{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 10, -10, 0.5, 0.3, 0.02,
                Map.of("F1", 0.05));
        Features atThreshold = new Features(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(c.probability("F2", atThreshold)).isCloseTo(0.5, within(1e-9));
        assertThat(c.probability("F1", atThreshold)).isLessThan(0.5);
        assertThatThrownBy(() -> new Calibration(new double[13], 1, 0, 0.5, 0.3, 0.02, Map.of("F1", Double.NaN)))
                .hasMessage("offset of FAQ F1 must be finite, got NaN");
    }

    @Test
    void calibrationLearnsOffsetsForTheSampledFaqs() {
        Calibration c = Bot.build(chineseFaqs(), TestKb.pipeline(), new Calibrator(Calibrator.Settings.defaults()), null)
                .calibration();
        assertThat(c.faqOffsets()).isNotEmpty();
        // an offset moves an FAQ's threshold by a fraction of the probability scale: less than 0.6 in logit units
        assertThat(c.faqOffsets().values()).allSatisfy(o -> assertThat(Math.abs(o * c.slope())).isLessThan(0.6));
        // in a knowledge base of one language they only spread the FAQs around its threshold
        assertThat(c.faqOffsets().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .isCloseTo(0, within(0.01));
    }

    @Test
    void inAKnowledgeBaseOfTwoLanguagesEachLanguageGetsItsOwnThreshold() {
        // the sample knowledge base is Chinese with an English section (EN001-EN016): the English sentence model's
        // scores run differently, so its FAQs share an offset of their own
        Map<String, Double> offsets = TestKb.bot().calibration().faqOffsets();
        double english = offsets.entrySet().stream().filter(e -> e.getKey().startsWith("EN"))
                .mapToDouble(Map.Entry::getValue).average().orElseThrow();
        double chinese = offsets.entrySet().stream().filter(e -> !e.getKey().startsWith("EN"))
                .mapToDouble(Map.Entry::getValue).average().orElseThrow();
        assertThat(Math.abs(english - chinese)).isGreaterThan(0.05);
        assertThat(offsets.entrySet().stream().filter(e -> e.getKey().startsWith("EN")))
                .allSatisfy(e -> assertThat(e.getValue()).isCloseTo(english, within(0.05)));
    }

    private static List<Faq> chineseFaqs() {
        return TestKb.faqs().stream().filter(f -> !f.id().startsWith("EN")).toList();
    }
}
