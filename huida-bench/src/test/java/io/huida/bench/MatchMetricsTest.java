package io.huida.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MatchMetricsTest {

    @Test
    void monotoneIsHundredAndReversedIsMinusHundred() {
        double[] labels = {0, 1, 2, 3, 4};
        assertThat(MatchMetrics.spearman100(new double[]{0.1, 0.2, 0.5, 0.9, 3}, labels)).isCloseTo(100, within(1e-9));
        assertThat(MatchMetrics.spearman100(new double[]{5, 4, 3, 2, 1}, labels)).isCloseTo(-100, within(1e-9));
        assertThat(MatchMetrics.spearman100(new double[]{1, 1, 1, 1, 1}, labels)).isZero();
    }

    @Test
    void tiesGetTheirAverageRank() {
        assertThat(MatchMetrics.ranks(new double[]{10, 20, 20, 30})).containsExactly(1, 2.5, 2.5, 4);
        assertThat(MatchMetrics.ranks(new double[]{0, 1, 0, 1, 1})).containsExactly(1.5, 4, 1.5, 4, 4);
        // Binary labels: scores {0.1, 0.4, 0.35, 0.8} against {0, 0, 1, 1}; ranks {1,3,2,4} vs {1.5,1.5,3.5,3.5}
        // give Pearson 0.4472 (computed by hand, as scipy.stats.spearmanr does).
        assertThat(MatchMetrics.spearman100(new double[]{0.1, 0.4, 0.35, 0.8}, new double[]{0, 0, 1, 1}))
                .isCloseTo(44.72, within(0.01));
    }

    @Test
    void thresholdMaximisesAccuracy() {
        double[] scores = {0.1, 0.2, 0.3, 0.6, 0.7, 0.4};
        double[] labels = {0, 0, 0, 1, 1, 1};
        double t = MatchMetrics.bestThreshold(scores, labels);
        assertThat(t).isCloseTo(0.35, within(1e-9));
        assertThat(MatchMetrics.accuracy(scores, labels, t)).isEqualTo(1);
        assertThat(MatchMetrics.accuracy(scores, labels, 0.65)).isCloseTo(4 / 6.0, within(1e-9));
        // All negative wins: threshold above the top score.
        assertThat(MatchMetrics.bestThreshold(new double[]{0.5, 0.6, 0.7}, new double[]{0, 0, 0})).isGreaterThan(0.7);
        // All positive wins: threshold below the lowest score.
        assertThat(MatchMetrics.bestThreshold(new double[]{0.5, 0.6, 0.7}, new double[]{1, 1, 1})).isLessThan(0.5);
    }

    @Test
    void crossValidationScoresEachFoldAtTheOthersThreshold() {
        double[] scores = new double[20];
        double[] labels = new double[20];
        for (int i = 0; i < 20; i++) {
            scores[i] = i / 20.0 + (i >= 10 ? 0.2 : 0); // a gap between 0.45 and 0.7
            labels[i] = i >= 10 ? 1 : 0;
        }
        MatchMetrics.CrossValidated cv = MatchMetrics.crossValidatedAccuracy(scores, labels, 5);
        assertThat(cv.accuracy()).isEqualTo(1);
        assertThat(cv.meanThreshold()).isBetween(0.45, 0.7);
        labels[9] = 1; // 0.45 becomes positive: two held-out pairs now fall on the wrong side of their fold's threshold
        // fold 4 holds 0.45 itself: the others put the threshold at 0.55, so it is called negative;
        // fold 3 holds 0.40: the others (0.35 negative, 0.45 positive) put the threshold at exactly 0.40.
        assertThat(MatchMetrics.crossValidatedAccuracy(scores, labels, 5).accuracy()).isEqualTo(0.9);
        assertThatThrownBy(() -> MatchMetrics.crossValidatedAccuracy(new double[]{1, 2}, new double[]{0, 1}, 5))
                .hasMessage("cannot cross-validate 2 pairs in 5 folds");
    }
}
