package io.huida.engine.retrieval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpellCorrectorTest {

    private final SpellCorrector corrector = new SpellCorrector(List.of("银行卡怎么挂失", "信用卡挂失", "什么时候发货",
            "发货太慢", "手机卡丢了怎么补卡", "差一点钱", "怎么取消订单", "怎么取消会员", "如何推荐", "怎么推荐"));

    @Test
    void replacesUnknownPairsByKnownHomophones() {
        assertThat(corrector.correct("储蓄卡怎么卦失")).isEqualTo("储蓄卡怎么挂失");
        assertThat(corrector.correct("怎么还不法货")).isEqualTo("怎么还不发货");
    }

    @Test
    void aPairSeenOnlyOnceInTheKnowledgeBaseCorrectsNothing() {
        // 点钱 occurs once ("差一点钱"): 三点前 must stay a time, not become 三点钱
        assertThat(corrector.correct("明天三点前能到吗")).isEqualTo("明天三点前能到吗");
    }

    @Test
    void wordsOfTheGeneralDictionaryAreNoTypos() {
        // 么区 sounds like the knowledge base's 么取 (怎么取消), but 区别 is a word
        assertThat(corrector.correct("重疾险和医疗险有什么区别")).isEqualTo("重疾险和医疗险有什么区别");
        // 发火 sounds like the knowledge base's 发货 but is a word of its own
        assertThat(corrector.correct("客服对我发火")).isEqualTo("客服对我发火");
    }

    @Test
    void leavesKnownTextAndEnglishAlone() {
        assertThat(corrector.correct("银行卡怎么挂失")).isEqualTo("银行卡怎么挂失");
        assertThat(corrector.correct("how to report a lost card")).isEqualTo("how to report a lost card");
    }
}
