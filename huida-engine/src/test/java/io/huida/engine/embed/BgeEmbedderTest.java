package io.huida.engine.embed;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.huida.engine.text.Language;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BgeEmbedderTest {

    private final BgeEmbedder embedder = new BgeEmbedder();

    @Test
    void batchedInferenceMatchesTheReferenceModelOneTextAtATime() {
        List<String> zh = List.of("我的快递到哪了", "信用卡怎么提高额度，我用了两年了，额度一直很低", "退款");
        var reference = new BgeSmallZhV15QuantizedEmbeddingModel();
        List<float[]> batched = embedder.embedAll(zh, Language.ZH);
        for (int i = 0; i < zh.size(); i++) {
            float[] ref = reference.embed(zh.get(i)).content().vector();
            assertThat(Embedder.cosine(batched.get(i), unit(ref))).isCloseTo(1f, within(1e-3f));
        }
        var en = new BgeSmallEnV15QuantizedEmbeddingModel();
        float[] mine = embedder.embed("How do I cancel my order?", Language.EN);
        assertThat(Embedder.cosine(mine, unit(en.embed("How do I cancel my order?").content().vector())))
                .isCloseTo(1f, within(1e-3f));
    }

    @Test
    void manyBatchesRunInParallelGiveTheVectorsOfTheSameBatchesRunOneByOne() {
        // texts of different token counts never share a batch, so each is a batch of its own: run in
        // parallel on the single-threaded session, each must equal the text embedded alone
        List<String> texts = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder("refund");
        for (int i = 0; i < 12; i++) {
            texts.add(text.toString());
            text.append(" order ").append(i); // two more tokens, staying under the exact-length limit
        }
        List<float[]> batched = embedder.embedAll(texts, Language.EN);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batched.get(i)).as(texts.get(i)).containsExactly(embedder.embed(texts.get(i), Language.EN));
        }
    }

    @Test
    void vectorsHaveUnitLengthAndSimilarTextsAreCloser() {
        float[] a = embedder.embed("怎么申请退款", Language.ZH);
        float[] b = embedder.embed("退款怎么弄", Language.ZH);
        float[] c = embedder.embed("今天天气不错", Language.ZH);
        assertThat(Embedder.cosine(a, a)).isCloseTo(1f, within(1e-4f));
        assertThat(Embedder.cosine(a, b)).isGreaterThan(Embedder.cosine(a, c));
        assertThat(embedder.embed(" ", Language.ZH)).hasSize(a.length);
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(n));
        }
        return out;
    }
}
