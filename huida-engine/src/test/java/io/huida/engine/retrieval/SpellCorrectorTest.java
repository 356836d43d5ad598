package io.huida.engine.retrieval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpellCorrectorTest {

    private final SpellCorrector corrector = new SpellCorrector(List.of("银行卡怎么挂失", "什么时候发货", "手机卡丢了怎么补卡"));

    @Test
    void replacesUnknownPairsByKnownHomophones() {
        assertThat(corrector.correct("储蓄卡怎么卦失")).isEqualTo("储蓄卡怎么挂失");
        assertThat(corrector.correct("怎么还不法货")).isEqualTo("怎么还不发货");
    }

    @Test
    void leavesKnownTextAndEnglishAlone() {
        assertThat(corrector.correct("银行卡怎么挂失")).isEqualTo("银行卡怎么挂失");
        assertThat(corrector.correct("how to report a lost card")).isEqualTo("how to report a lost card");
    }
}
