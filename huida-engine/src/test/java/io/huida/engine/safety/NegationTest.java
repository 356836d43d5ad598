package io.huida.engine.safety;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NegationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "我们不保证收益|保证|true",
            "没有零风险的投资|零风险|true",
            "we do not guarantee returns|guarantee|true",
            "it isn't risk-free|risk-free|true",
            "不仅保证收益|保证|false",
            "有没有保证收益的|保证|false",
            "是不是保证收益|保证|false",
            "不用担心,保证收益|保证|false",
            "保证收益|保证|false",
            "不会让您失望的这一款新的稳健型产品保证收益|保证|false",
    })
    void negatorInTheSameClauseOnly(String text, String cue, boolean negated) {
        assertThat(Negation.negated(text, text.lastIndexOf(cue))).isEqualTo(negated);
    }
}
