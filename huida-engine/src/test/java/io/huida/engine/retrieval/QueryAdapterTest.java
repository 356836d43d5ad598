package io.huida.engine.retrieval;

import io.huida.engine.text.Language;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class QueryAdapterTest {

    /** Swaps the first two dimensions and doubles the third. */
    private static final float[] SWAP = {0, 1, 0, 1, 0, 0, 0, 0, 2};

    @Test
    void mapsChineseVectorsAndScalesThemToUnitLength() {
        QueryAdapter a = QueryAdapter.of(SWAP, 3);
        float[] out = a.apply(new float[]{0.6f, 0, 0.8f}, Language.ZH);
        // (0, 0.6, 1.6) / |.|
        double n = Math.sqrt(0.36 + 2.56);
        assertThat((double) out[0]).isCloseTo(0, within(1e-6));
        assertThat((double) out[1]).isCloseTo(0.6 / n, within(1e-6));
        assertThat((double) out[2]).isCloseTo(1.6 / n, within(1e-6));
    }

    @Test
    void leavesOtherLanguagesEmptyVectorsAndTheIdentityAlone() {
        float[] v = {0.6f, 0, 0.8f};
        assertThat(QueryAdapter.of(SWAP, 3).apply(v, Language.EN)).isSameAs(v);
        assertThat(QueryAdapter.of(SWAP, 3).apply(new float[0], Language.ZH)).isEmpty();
        assertThat(QueryAdapter.identity().apply(v, Language.ZH)).isSameAs(v);
        assertThat(QueryAdapter.identity().isIdentity()).isTrue();
    }

    @Test
    void roundTripsThroughItsFileFormat() throws IOException {
        QueryAdapter a = QueryAdapter.of(SWAP, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.write(out);
        QueryAdapter b = QueryAdapter.read(new ByteArrayInputStream(out.toByteArray()), "test");
        assertThat(b).isEqualTo(a);
        assertThat(b.apply(new float[]{1, 0, 0}, Language.ZH)).containsExactly(0, 1, 0);
    }

    @Test
    void rejectsBadInputNamingIt() {
        assertThatThrownBy(() -> QueryAdapter.of(new float[8], 3))
                .hasMessage("an adapter of dimension 3 needs 9 values, got 8");
        assertThatThrownBy(() -> QueryAdapter.of(SWAP, 3).apply(new float[4], Language.ZH))
                .hasMessage("query vector has 4 dimensions, the adapter 3");
        assertThatThrownBy(() -> QueryAdapter.read(new ByteArrayInputStream(new byte[]{1, 2, 3, 4, 0, 0, 0, 3}), "x.bin"))
                .isInstanceOf(IOException.class).hasMessage("x.bin is not a query adapter (header 1020304)");
        assertThatThrownBy(() -> QueryAdapter.identity().write(new ByteArrayOutputStream()))
                .hasMessageContaining("identity");
    }

    @Test
    void theBuiltInAdapterIsALearntMapOfTheChineseModelsDimension() {
        QueryAdapter builtin = QueryAdapter.builtin();
        assertThat(builtin.isIdentity()).isFalse();
        assertThat(builtin.toString()).isEqualTo("QueryAdapter[512x512]");
        float[] v = new float[512];
        v[7] = 1;
        float[] out = builtin.apply(v, Language.ZH);
        double norm = 0;
        for (float x : out) {
            norm += x * x;
        }
        assertThat(norm).isCloseTo(1, within(1e-5));
        assertThat(out).isNotEqualTo(v);
    }
}
