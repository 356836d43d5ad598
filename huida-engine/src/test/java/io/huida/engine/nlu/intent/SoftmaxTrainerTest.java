package io.huida.engine.nlu.intent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SoftmaxTrainerTest {

    @ParameterizedTest
    @CsvSource({"12,500,12", "12,2500,12", "12,5000,6", "12,10000,3", "12,15100,3", "12,100000,3", "2,50000,2", "20,5000,10"})
    void largeSetsGetProportionallyFewerPassesButAtLeastThree(int max, int examples, int expected) {
        assertThat(SoftmaxTrainer.passes(max, examples)).isEqualTo(expected);
    }
}
