package io.huida.engine.retrieval;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RankerTest {

    /** One stump on the lead (input 14) and one on the semantic similarity (input 0). */
    private static final String TWO_STUMPS = Ranker.write("test", -1.0, List.of(
            List.of(new double[]{14, 0.05, 1, 2, 0}, new double[]{-1, 0, -1, -1, -2.0}, new double[]{-1, 0, -1, -1, 3.0}),
            List.of(new double[]{0, 0.7, 1, 2, 0}, new double[]{-1, 0, -1, -1, -0.5}, new double[]{-1, 0, -1, -1, 0.5})));

    @Test
    void addsTheLeavesEachTreeReachesToTheBase() {
        Ranker r = Ranker.parse(TWO_STUMPS.lines().toList(), "test");
        assertThat(r.trees()).isEqualTo(2);
        double[] x = new double[Ranker.INPUTS];
        x[0] = 0.9;
        x[14] = 0.2;
        assertThat(r.logOdds(x)).isCloseTo(-1 + 3 + 0.5, within(1e-12));
        x[14] = 0.01;
        x[0] = 0.5;
        assertThat(r.logOdds(x)).isCloseTo(-1 - 2 - 0.5, within(1e-12));
    }

    @Test
    void inputsAreTheFeaturesTheScoreAndItsLeadOverTheBestOtherCandidate() {
        Features a = new Features(0.9, 0.1, 0.5, 1, 0.5, 0.5, 0.2, 1, 1, 0.4, 0.8);
        Features b = new Features(0.7, -0.1, 0.4, 0.5, 0.2, 0.2, 0.1, 0, 0, 0.4, 0.6);
        double[][] x = Ranker.inputs(List.of(a, b, b), new double[]{1.2, 0.9, 0.7});
        assertThat(Arrays.copyOf(x[0], Features.SIZE)).isEqualTo(a.toArray());
        assertThat(x[0][Features.SIZE]).isEqualTo(1.2);
        assertThat(x[0][Features.SIZE + 1]).isCloseTo(0.3, within(1e-12));
        assertThat(x[1][Features.SIZE + 1]).isCloseTo(-0.3, within(1e-12));
        assertThat(x[2][Features.SIZE + 1]).isCloseTo(-0.5, within(1e-12));
        assertThat(Ranker.inputs(List.of(a), new double[]{1.2})[0][Features.SIZE + 1]).isEqualTo(1.2);
    }

    @Test
    void theShippedRankerLoadsAndPrefersAClearLead() {
        Ranker r = Ranker.builtIn();
        assertThat(r).isNotNull();
        assertThat(r.trees()).isEqualTo(100);
        Features top = new Features(0.85, 0.12, 0.65, 1, 0.6, 0.6, 0.4, 1, 1, 0.5, 0.82);
        Features other = new Features(0.73, -0.12, 0.55, 0.4, 0.2, 0.2, 0.1, 0, 0, 0.5, 0.66);
        double[][] x = Ranker.inputs(List.of(top, other), new double[]{1.1, 0.85});
        assertThat(r.logOdds(x[0])).isGreaterThan(0);
        assertThat(r.logOdds(x[1])).isLessThan(0);
    }

    @Test
    void rejectsMalformedFilesNamingTheLine() {
        assertThatThrownBy(() -> Ranker.parse(List.of("0\t0\t-1\t0\t-1\t-1\t0.5"), "r.tsv"))
                .hasMessage("r.tsv: no 'base' line");
        assertThatThrownBy(() -> Ranker.parse(List.of("base\t0", "0\t0\tx\t0\t-1\t-1\t0.5"), "r.tsv"))
                .hasMessageStartingWith("r.tsv line 2: ");
        assertThatThrownBy(() -> Ranker.parse(List.of("base\t0", "0\t0\t1\t0.5"), "r.tsv"))
                .hasMessage("r.tsv line 2: expected 7 tab-separated fields, got 4: '0\t0\t1\t0.5'");
        assertThatThrownBy(() -> Ranker.parse(List.of("base\t0", "0\t0\t3\t0.5\t1\t7\t0", "0\t1\t-1\t0\t-1\t-1\t1"), "r.tsv"))
                .hasMessage("r.tsv: node 0 has children 1/7 outside 1..1");
        assertThatThrownBy(() -> Ranker.parse(List.of("base\t0", "0\t0\t15\t0.5\t1\t2\t0"), "r.tsv"))
                .hasMessage("r.tsv: node 0 reads input 15 of 15");
        assertThatThrownBy(() -> Ranker.parse(TWO_STUMPS.lines().toList(), "t").logOdds(new double[3]))
                .hasMessage("expected 15 ranker inputs, got 3");
    }
}
