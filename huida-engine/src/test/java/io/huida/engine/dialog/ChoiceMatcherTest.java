package io.huida.engine.dialog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChoiceMatcherTest {

    private static final List<String> LABELS = List.of("取消套餐", "注销号码", "退订增值业务");
    private static final List<List<String>> KEYWORDS = List.of(List.of("套餐", "月租"), List.of("注销", "销户"),
            List.of("增值", "彩铃"));

    @Test
    void picksByNumberOrdinalAndFullWidthDigit() {
        assertThat(ChoiceMatcher.match("2", LABELS, KEYWORDS)).containsExactly(2);
        assertThat(ChoiceMatcher.match("第二个", LABELS, KEYWORDS)).containsExactly(2);
        assertThat(ChoiceMatcher.match("选3", LABELS, KEYWORDS)).containsExactly(3);
        assertThat(ChoiceMatcher.match("２", LABELS, KEYWORDS)).containsExactly(2);
        assertThat(ChoiceMatcher.match("the second one", LABELS, KEYWORDS)).containsExactly(2);
        assertThat(ChoiceMatcher.match("最后一个", LABELS, KEYWORDS)).containsExactly(3);
        assertThat(ChoiceMatcher.match("4", LABELS, KEYWORDS)).isEmpty();
    }

    @Test
    void picksByLabelKeywordOrSharedWords() {
        assertThat(ChoiceMatcher.match("注销号码", LABELS, KEYWORDS)).containsExactly(2);
        assertThat(ChoiceMatcher.match("我要把彩铃关掉", LABELS, KEYWORDS)).containsExactly(3);
        assertThat(ChoiceMatcher.match("退订", LABELS, KEYWORDS)).containsExactly(3);
        assertThat(ChoiceMatcher.match("天气怎么样", LABELS, KEYWORDS)).isEmpty();
    }

    @Test
    void aReplyMatchingSeveralOptionsNarrowsThemDown() {
        List<String> bills = List.of("本月话费账单", "历史话费账单", "本月流量账单");
        List<List<String>> none = List.of(List.of(), List.of(), List.of());
        assertThat(ChoiceMatcher.match("本月的", bills, none)).containsExactly(1, 3);
    }

    @Test
    void namedRequiresTheOptionItself() {
        assertThat(ChoiceMatcher.named("取消", LABELS, KEYWORDS)).isEmpty();
        assertThat(ChoiceMatcher.named("取消套餐", LABELS, KEYWORDS)).containsExactly(1);
    }
}
