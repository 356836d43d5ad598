package io.huida.engine.nlu.emotion;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmotionTrendTest {

    private final EmotionDetector detector = EmotionDetector.withBuiltInLexicon();

    private EmotionTrend trendOf(String... turns) {
        return detector.trend(Arrays.stream(turns).map(detector::detect).toList());
    }

    @Test
    void neutralThenAnxiousThenAngryIsEscalating() {
        EmotionTrend t = trendOf("我的快递到哪了", "怎么还没到，急死了", "你们到底有没有人管？气死我了！！！");
        assertThat(t.current()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(t.escalating()).isTrue();
        assertThat(t.negativity()).isGreaterThan(0.5);
    }

    @Test
    void repeatedComplaintsAreEscalating() {
        EmotionTrend t = trendOf("你们太过分了", "我要投诉", "谢谢你们了，又送错了");
        assertThat(t.current()).isEqualTo(EmotionLabel.ANGRY);
        assertThat(t.escalating()).isTrue();
    }

    @Test
    void calmingDownIsNotEscalating() {
        EmotionTrend t = trendOf("气死我了，退款还没到", "好的，我再等等", "到账了，谢谢");
        assertThat(t.current()).isEqualTo(EmotionLabel.SATISFIED);
        assertThat(t.escalating()).isFalse();
        assertThat(t.negativity()).isLessThan(trendOf("气死我了，退款还没到").negativity());
    }

    @Test
    void steadyNeutralConversationIsCalm() {
        EmotionTrend t = trendOf("怎么开发票", "抬头写公司可以吗", "好的，知道了");
        assertThat(t).isEqualTo(new EmotionTrend(EmotionLabel.NEUTRAL, false, 0.0));
    }

    @Test
    void sadnessAloneDoesNotEscalate() {
        assertThat(trendOf("唉，有点失望", "唉，有点失望").escalating()).isFalse();
    }

    @Test
    void emptyConversationIsCalmAndNullTurnsAreRejected() {
        assertThat(detector.trend(List.of())).isEqualTo(EmotionTrend.CALM);
        assertThatThrownBy(() -> detector.trend(Arrays.asList(Emotion.NONE, null)))
                .isInstanceOf(NullPointerException.class).hasMessage("turns holds null at index 1");
    }

    @Test
    void valuesAreValidatedEagerly() {
        assertThatThrownBy(() -> new EmotionTrend(EmotionLabel.ANGRY, true, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("negativity must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new Emotion(EmotionLabel.SAD, -0.1, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("intensity must be in [0, 1], got -0.1");
        assertThatThrownBy(() -> new Emotion(EmotionLabel.NEUTRAL, 0.3, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a neutral emotion has intensity 0, got 0.3");
        assertThatThrownBy(() -> EmotionLabel.parse("happy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown emotion label 'happy', expected one of angry, anxious, sad, satisfied, neutral");
        assertThat(EmotionLabel.parse(" Angry ")).isEqualTo(EmotionLabel.ANGRY);
    }
}
