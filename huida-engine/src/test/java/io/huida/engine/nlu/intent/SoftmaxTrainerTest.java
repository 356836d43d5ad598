package io.huida.engine.nlu.intent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SoftmaxTrainerTest {

    @ParameterizedTest
    @CsvSource({"12,500,12", "12,10000,12", "12,12000,10", "12,15100,8", "12,100000,8", "3,50000,2"})
    void largeSetsGetProportionallyFewerPassesButAtLeastTwoThirds(int max, int examples, int expected) {
        assertThat(SoftmaxTrainer.passes(max, examples)).isEqualTo(expected);
    }
}
