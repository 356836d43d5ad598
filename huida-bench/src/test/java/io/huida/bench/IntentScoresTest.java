package io.huida.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class IntentScoresTest {

    @Test
    void countsInScopeAccuracyAndOutOfScopeRecallAndPrecisionSeparately() {
        List<String> gold = List.of("a", "a", "b", "oos", "oos", "b");
        List<String> predicted = List.of("a", "oos", "b", "oos", "a", "b");
        IntentScores s = IntentScores.of(gold, predicted);
        assertThat(s.accuracy()).isCloseTo(400.0 / 6, offset(1e-9));
        assertThat(s.inScopeAccuracy()).isCloseTo(75.0, offset(1e-9));
        assertThat(s.oosRecall()).isCloseTo(50.0, offset(1e-9));
        assertThat(s.oosPrecision()).isCloseTo(50.0, offset(1e-9));
        // F1: a = 2/(2+1+1) = 0.5 ... a: tp1 fp1 fn1 -> 0.5; b: tp2 -> 1; oos: tp1 fp1 fn1 -> 0.5
        assertThat(s.macroF1()).isCloseTo(100 * (0.5 + 1 + 0.5) / 3, offset(1e-9));
    }

    @Test
    void closedSetDataHasNoOutOfScopeFigures() {
        IntentScores s = IntentScores.of(List.of("a", "b"), List.of("a", "a"));
        assertThat(s.accuracy()).isEqualTo(50.0);
        assertThat(s.oosRecall()).isNaN();
        assertThat(s.oosPrecision()).isNaN();
    }

    @Test
    void mismatchedListsAreRejected() {
        assertThatThrownBy(() -> IntentScores.of(List.of("a"), List.of()))
                .hasMessageContaining("got 1 and 0");
    }
}
