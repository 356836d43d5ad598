package io.huida.engine.dialog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UtterancesTest {

    @Test
    void yesAndNoInChineseTraditionalAndEnglish() {
        for (String yes : List.of("是的", "好的呀", "确认！", "對的", "OK", "yes please", "嗯嗯", "解决了")) {
            assertThat(Utterances.isYes(yes)).as(yes).isTrue();
            assertThat(Utterances.isNo(yes)).as(yes).isFalse();
        }
        for (String no : List.of("不", "不用了", "没有，还是不行", "沒有", "no", "不是", "算了")) {
            assertThat(Utterances.isNo(no)).as(no).isTrue();
            assertThat(Utterances.isYes(no)).as(no).isFalse();
        }
        assertThat(Utterances.isNo("不错，挺好")).isFalse();
        assertThat(Utterances.isYes("我想问一下运费是多少")).isFalse();
    }

    @Test
    void cancelOnlyWhenTheMessageIsAboutStopping() {
        assertThat(Utterances.isCancel("算了，不查了")).isTrue();
        assertThat(Utterances.isCancel("取消")).isTrue();
        assertThat(Utterances.isCancel("never mind")).isTrue();
        assertThat(Utterances.isCancel("取消订单要多久退款")).isFalse();
        assertThat(Utterances.isCancel("我想取消套餐")).isFalse();
    }

    @Test
    void correctionsAndTheTextAfterThem() {
        assertThat(Utterances.isCorrection("不对，是北京市海淀区")).isTrue();
        assertThat(Utterances.afterCorrection("不对，是北京市海淀区")).isEqualTo("北京市海淀区");
        assertThat(Utterances.afterCorrection("说错了，应该是YT2026112200009")).isEqualTo("YT2026112200009");
        assertThat(Utterances.isCorrection("北京市海淀区")).isFalse();
    }

    @Test
    void followUpsLeanOnThePreviousTurn() {
        assertThat(Utterances.isFollowUp("那要多久？")).isTrue();
        assertThat(Utterances.isFollowUp("那3月份的呢")).isTrue();
        assertThat(Utterances.isFollowUp("what about March?")).isTrue();
        assertThat(Utterances.isFollowUp("信用卡年费怎么收取的")).isFalse();
    }

    @Test
    void skipOnlyForOptionalDetails() {
        assertThat(Utterances.isSkip("跳过")).isTrue();
        assertThat(Utterances.isSkip("不知道啊")).isTrue();
        assertThat(Utterances.isSkip("1234")).isFalse();
    }
}
