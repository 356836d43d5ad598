package io.huida.engine.retrieval;

import io.huida.engine.text.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LanguageOffsetsTest {

    /** The midpoint between the lowest in-scope and the highest out-of-scope score: a stand-in for the calibrator's choice. */
    private static double midpoint(List<double[]> in, List<double[]> out) {
        double lo = in.stream().mapToDouble(r -> r[0]).min().orElseThrow();
        double hi = out.stream().mapToDouble(r -> r[0]).max().orElseThrow();
        return (lo + hi) / 2;
    }

    private static void add(List<double[]> in, List<double[]> out, Language l, double inScore, double outScore, int n) {
        for (int i = 0; i < n; i++) {
            in.add(new double[]{inScore, 1, 0, l.ordinal()});
            out.add(new double[]{outScore, l.ordinal()});
        }
    }

    @Test
    void eachLanguageOfATwoLanguageKnowledgeBaseGetsTheOffsetOfItsOwnThreshold() {
        List<double[]> in = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        add(in, out, Language.ZH, 0.8, 0.4, 30); // Chinese separates at 0.6
        add(in, out, Language.EN, 1.0, 0.8, 25); // English at 0.9
        double[] offsets = LanguageOffsets.of(in, out, 0.7, LanguageOffsetsTest::midpoint);
        assertThat(offsets[Language.ZH.ordinal()]).isCloseTo(-0.1, within(1e-9));
        assertThat(offsets[Language.EN.ordinal()]).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void aLanguageWithTooFewExamplesOrAKnowledgeBaseOfOneLanguageGetsNone() {
        List<double[]> in = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        add(in, out, Language.ZH, 0.8, 0.4, 30);
        assertThat(LanguageOffsets.of(in, out, 0.7, LanguageOffsetsTest::midpoint)).containsOnly(0.0);
        add(in, out, Language.EN, 1.0, 0.8, LanguageOffsets.MIN_EXAMPLES - 1);
        double[] offsets = LanguageOffsets.of(in, out, 0.7, LanguageOffsetsTest::midpoint);
        assertThat(offsets[Language.EN.ordinal()]).isZero();
        assertThat(offsets[Language.ZH.ordinal()]).isCloseTo(-0.1, within(1e-9));
    }
}
