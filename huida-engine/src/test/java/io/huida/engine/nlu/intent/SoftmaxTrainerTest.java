package io.huida.engine.nlu.intent;

import io.huida.engine.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SoftmaxTrainerTest {

    @ParameterizedTest
    @CsvSource({"12,500,12", "12,2500,12", "12,5000,6", "12,10000,3", "12,15100,2", "12,100000,2", "1,50000,1", "20,5000,10"})
    void largeSetsGetProportionallyFewerPassesButAtLeastTwo(int max, int examples, int expected) {
        assertThat(SoftmaxTrainer.passes(max, examples)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.1,12,2000,0.1", "0.1,12,10000,0.2", "0.1,12,5000,0.1414", "0.1,12,100000,0.2", "0.3,1,50000,0.3"})
    void theStepGrowsWithTheSquareRootOfThePassesCutAtMostTwice(double lr, int max, int examples, double expected) {
        assertThat(SoftmaxTrainer.stepSize(lr, max, examples)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void theModelIsTheSameWhateverTheThreadCount() {
        Random random = new Random(7);
        List<IntentFeatures> xs = new ArrayList<>();
        int[] ys = new int[300];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = i % 5;
            float[] v = new float[16];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextGaussian() + (j == ys[i] ? 2f : 0f);
            }
            xs.add(new IntentFeatures(Language.EN, v, new int[] {ys[i], 5 + random.nextInt(20)}, new float[] {0.8f, 0.6f}));
        }
        IntentTrainer.Settings settings = IntentTrainer.Settings.defaults();
        SoftmaxModel one = SoftmaxTrainer.train(xs, ys, 5, 25, settings, 1);
        SoftmaxModel three = SoftmaxTrainer.train(xs, ys, 5, 25, settings, 3);
        for (IntentFeatures x : xs) {
            assertThat(three.logits(x)).containsExactly(one.logits(x));
        }
        assertThat(one.logits(xs.get(0))[ys[0]]).isGreaterThan(one.logits(xs.get(0))[(ys[0] + 1) % 5]);
    }
}
