package io.huida.engine.nlu.intent;

import io.huida.engine.text.Language;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PrototypesTest {

    private static final float S = (float) Math.sqrt(0.5);

    private final Prototypes prototypes = Prototypes.of(List.of(
            new EncodedText("a", Language.EN, new float[] {1, 0, 0}),
            new EncodedText("b", Language.EN, new float[] {0, 1, 0}),
            new EncodedText("c", Language.EN, new float[] {0, 0, 1})), new int[] {0, 0, 1}, 2);

    @Test
    void theCentroidIsTheUnitMeanOfAnIntentsVectorsAndFarFromEachSingleExample() {
        assertThat(prototypes.centroid(new float[] {S, S, 0}, Language.EN, 0)).isCloseTo(1f, within(1e-5f));
        assertThat(prototypes.nearest(new float[] {S, S, 0}, Language.EN, 0)).isCloseTo(S, within(1e-5f));
        assertThat(prototypes.centroid(new float[] {1, 0, 0}, Language.EN, 0)).isCloseTo(S, within(1e-5f));
        assertThat(prototypes.centroid(new float[] {1, 0, 0}, Language.EN, 1)).isCloseTo(0f, within(1e-5f));
    }

    @Test
    void anIntentWithoutVectorsOfTheLanguageHasNoCentroid() {
        assertThat(prototypes.centroid(new float[] {1, 0, 0}, Language.ZH, 0)).isEqualTo(-1f);
    }

    @Test
    void centroidsSurviveSavingAndLoading() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        prototypes.write(new DataOutputStream(bytes));
        Prototypes loaded = Prototypes.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        float[] v = {0.6f, 0.8f, 0};
        assertThat(loaded.centroid(v, Language.EN, 0)).isEqualTo(prototypes.centroid(v, Language.EN, 0));
        assertThat(loaded.nearest(v, Language.EN, 1)).isEqualTo(prototypes.nearest(v, Language.EN, 1));
        assertThat(loaded.centroid(v, Language.ZH, 1)).isEqualTo(-1f);
    }

    @Test
    void aCalibrationNeedsOneWeightPerKindOfEvidenceAndTheBias() {
        assertThatThrownBy(() -> new Calibration(1f, 0f, 0f, new double[] {1, 0, 0}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 3");
    }
}
