package io.huida.engine.retrieval;

import io.huida.engine.text.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TextVectorsTest {

    private static IndexedText text(int ordinal, Language language, float[] vector) {
        return new IndexedText(ordinal, ordinal, false, "t" + ordinal, "t" + ordinal, language, vector, Set.of(), Set.of());
    }

    private static float[] random(Random rnd, int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }

    @Test
    void scoresEveryTextOfTheQuerysLanguage() {
        Random rnd = new Random(7);
        List<IndexedText> texts = new ArrayList<>();
        for (int i = 0; i < 7; i++) { // zh gets 5 texts, en 2
            texts.add(text(i, i % 3 == 2 ? Language.EN : Language.ZH, random(rnd, 384)));
        }
        TextVectors vectors = new TextVectors(texts);
        float[] query = random(rnd, 384);
        int[] zh = vectors.ordinals(Language.ZH);
        assertThat(zh).containsExactly(0, 1, 3, 4, 6);
        assertThat(vectors.ordinals(Language.EN)).containsExactly(2, 5);
        double[] dots = vectors.dots(query, Language.ZH);
        assertThat(dots).hasSize(5);
        for (int row = 0; row < zh.length; row++) {
            float[] v = texts.get(zh[row]).vector();
            double exact = 0;
            for (int i = 0; i < v.length; i++) {
                exact += (double) query[i] * v[i];
            }
            assertThat(dots[row]).isCloseTo(exact, within(1e-3));
        }
    }

    @Test
    void aTextScoresTheSameWhateverTheOtherTexts() {
        Random rnd = new Random(11);
        List<IndexedText> many = new ArrayList<>();
        for (int i = 0; i < 37; i++) { // enough texts for the vectorised loop, and a remainder
            many.add(text(i, Language.ZH, random(rnd, 386))); // 386: two dimensions after the last group of four
        }
        float[] query = random(rnd, 386);
        double[] together = new TextVectors(many).dots(query, Language.ZH);
        for (int i = 0; i < many.size(); i++) {
            double alone = new TextVectors(List.of(text(0, Language.ZH, many.get(i).vector()))).dots(query, Language.ZH)[0];
            assertThat(together[i]).as("text %d", i).isEqualTo(alone);
        }
    }

    @Test
    void eachLanguageHasItsOwnVectorSizeAndALanguageWithoutTextsScoresNothing() {
        TextVectors vectors = new TextVectors(List.of(text(0, Language.ZH, new float[8]), text(1, Language.EN, new float[4])));
        assertThat(vectors.dots(new float[4], Language.EN)).containsExactly(0.0);
        assertThat(new TextVectors(List.of(text(0, Language.ZH, new float[8]))).dots(new float[4], Language.EN)).isEmpty();
    }

    @Test
    void vectorsOfDifferentSizesAreRefusedByName() {
        assertThatThrownBy(() -> new TextVectors(List.of(text(0, Language.ZH, new float[8]), text(1, Language.ZH, new float[4]))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text 1 has a vector of 4 dimensions, other ZH texts have 8");
        TextVectors vectors = new TextVectors(List.of(text(0, Language.ZH, new float[8])));
        assertThatThrownBy(() -> vectors.dots(new float[4], Language.ZH))
                .hasMessage("query vector has 4 dimensions, the ZH texts 8");
    }
}
