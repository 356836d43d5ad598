package io.huida.bench;

import io.huida.engine.retrieval.Ranker;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreeBoosterTest {

    @Test
    void learnsAnInteractionALinearScoreCannot() {
        // positive only when input 14 (the lead) is large AND input 0 is large: an AND no single weight expresses
        Random random = new Random(7);
        int n = 4000;
        double[][] x = new double[n][Ranker.INPUTS];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < Ranker.INPUTS; j++) {
                x[i][j] = random.nextDouble();
            }
            y[i] = x[i][14] > 0.6 && x[i][0] > 0.4;
        }
        TreeBooster.Model model = new TreeBooster(60, 2, 0.3, 20).fit(x, y);
        int right = 0;
        for (int i = 0; i < n; i++) {
            right += (model.logOdds(x[i]) > 0) == y[i] ? 1 : 0;
        }
        assertThat(right / (double) n).isGreaterThan(0.97);
        // written and read back, the engine's ranker gives the same log-odds
        Ranker read = Ranker.parse(Ranker.write("t", model.base(), model.trees()).lines().toList(), "t");
        for (int i = 0; i < 100; i++) {
            assertThat(read.logOdds(x[i])).isEqualTo(model.logOdds(x[i]));
        }
    }

    @Test
    void rejectsBadSettingsAndData() {
        assertThatThrownBy(() -> new TreeBooster(0, 3, 0.1, 30))
                .hasMessage("trees, depth and min leaf must be positive and the rate above 0, got 0, 3, 0.1, 30");
        assertThatThrownBy(() -> new TreeBooster(10, 3, 0.1, 30).fit(new double[2][15], new boolean[3]))
                .hasMessage("need as many labels as rows, and some rows: 2 rows, 3 labels");
    }
}
