package io.huida.bench;

import io.huida.engine.retrieval.QueryAdapter;
import io.huida.engine.text.Language;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdapterTrainerTest {

    private static final int DIM = 6;

    /** A unit vector near axis {@code axis}, with a little noise. */
    private static float[] near(int axis, Random random) {
        float[] v = new float[DIM];
        v[axis] = 1;
        for (int i = 0; i < DIM; i++) {
            v[i] += (float) (0.1 * random.nextGaussian());
        }
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        for (int i = 0; i < DIM; i++) {
            v[i] /= (float) Math.sqrt(n);
        }
        return v;
    }

    private static double cos(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * FAQ 0's questions lie along axis 0, FAQ 1's along axis 1; customers asking FAQ 0 write along axis 2 and those
     * asking FAQ 1 along axis 3 (their wording shares nothing with the questions); out-of-scope queries lie along
     * axis 4. Raw cosines cannot tell the customers apart; the learnt map sends each to its FAQ.
     */
    private static List<AdapterTrainer.Group> groups(Random random) {
        float[][] texts = {near(0, random), near(0, random), near(1, random), near(1, random)};
        int[] faqs = {0, 0, 1, 1};
        int n = 30;
        float[][] queries = new float[n][];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            int kind = i % 3;
            queries[i] = near(kind == 0 ? 2 : kind == 1 ? 3 : 4, random);
            targets[i] = kind == 2 ? -1 : kind;
        }
        return List.of(new AdapterTrainer.Group(queries, targets, texts, faqs, false),
                new AdapterTrainer.Group(texts, faqs, texts, faqs, true));
    }

    @Test
    void learnsToSendCustomersWordingToTheirFaqAndAwayFromTheQuestionsWhenNoFaqAnswers() {
        AdapterTrainer.Settings settings = new AdapterTrainer.Settings(0.001, 200, 10, 0.5, 0.02);
        AdapterTrainer.Result result = new AdapterTrainer(settings).train(groups(new Random(1)), DIM);
        QueryAdapter adapter = QueryAdapter.of(result.matrix(), DIM);
        Random fresh = new Random(99); // unseen queries of the same kinds
        float[] faq0 = near(0, fresh);
        float[] faq1 = near(1, fresh);
        for (int i = 0; i < 10; i++) {
            float[] asks0 = near(2, fresh);
            float[] asks1 = near(3, fresh);
            float[] outOfScope = near(4, fresh);
            assertThat(cos(asks0, faq0)).isLessThan(0.4); // raw: nowhere near
            float[] m0 = adapter.apply(asks0, Language.ZH);
            float[] m1 = adapter.apply(asks1, Language.ZH);
            assertThat(cos(m0, faq0)).isGreaterThan(0.6).isGreaterThan(cos(m0, faq1) + 0.3);
            assertThat(cos(m1, faq1)).isGreaterThan(0.6).isGreaterThan(cos(m1, faq0) + 0.3);
            float[] mo = adapter.apply(outOfScope, Language.ZH);
            assertThat(Math.max(cos(mo, faq0), cos(mo, faq1))).isLessThan(0.5);
        }
        assertThat(result.loss()).isLessThan(0.2);
    }

    @Test
    void trainingIsDeterministic() {
        AdapterTrainer.Settings settings = new AdapterTrainer.Settings(0.001, 20, 10, 0.5, 0.02);
        AdapterTrainer.Result a = new AdapterTrainer(settings).train(groups(new Random(3)), DIM);
        AdapterTrainer.Result b = new AdapterTrainer(settings).train(groups(new Random(3)), DIM);
        assertThat(a.matrix()).containsExactly(b.matrix());
    }

    @Test
    void strongRegularisationKeepsTheIdentity() {
        AdapterTrainer.Settings settings = new AdapterTrainer.Settings(1e6, 50, 10, 0.5, 0.001);
        float[] m = new AdapterTrainer(settings).train(groups(new Random(4)), DIM).matrix();
        for (int r = 0; r < DIM; r++) {
            for (int c = 0; c < DIM; c++) {
                assertThat((double) m[r * DIM + c]).isCloseTo(r == c ? 1 : 0, org.assertj.core.data.Offset.offset(0.01));
            }
        }
    }

    @Test
    void rejectsBadSettingsAndExamples() {
        assertThatThrownBy(() -> new AdapterTrainer.Settings(-1, 10, 10, 0.5, 0.01))
                .hasMessageContaining("l2=-1.0");
        assertThatThrownBy(() -> new AdapterTrainer.Settings(0.001, 0, 10, 0.5, 0.01))
                .hasMessageContaining("epochs=0");
        float[][] one = {{1, 0}};
        assertThatThrownBy(() -> new AdapterTrainer.Group(one, new int[]{0, 1}, one, new int[]{0}, false))
                .hasMessage("1 queries but 2 targets");
        assertThatThrownBy(() -> new AdapterTrainer.Group(new float[][]{{1, 0}, {0, 1}}, new int[]{0, 0}, one,
                new int[]{0}, true)).hasMessageContaining("self examples need one query per text");
        assertThatThrownBy(() -> new AdapterTrainer(AdapterTrainer.Settings.defaults()).train(List.of(), 2))
                .hasMessage("no examples to train the adapter on");
    }
}
