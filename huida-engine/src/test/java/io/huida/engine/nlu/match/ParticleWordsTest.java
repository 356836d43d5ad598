package io.huida.engine.nlu.match;

import io.huida.engine.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParticleWordsTest {

    @Test
    void wordsSeenInsideQuestionsSurviveTheParticleRule() {
        ParticleWords words = ParticleWords.fit(List.of("花呗怎么还款", "我的花呗额度", "借呗能提前还吗", "试试呗"), 2);
        assertThat(words.words()).containsExactly("花呗");
        assertThat(words.restore("怎么开通花呗？", "怎么开通花")).isEqualTo("怎么开通花呗");
        assertThat(words.restore("怎么开通花呗？", "怎么开通花呗")).isEqualTo("怎么开通花呗");
        assertThat(words.restore("那就试试呗", "那就试试")).as("a real particle stays dropped").isEqualTo("那就试试");
        assertThat(ParticleWords.none().restore("怎么开通花呗", "怎么开通花")).isEqualTo("怎么开通花");
    }

    @Test
    void theExtractorNormalisesWithTheWords() {
        EvidenceExtractor extractor = new EvidenceExtractor(new TextNormalizer(),
                new QuestionSimilarityTest.CharBagEmbedder(), CharIdf.uniform(), ParticleWords.of(List.of("借呗")));
        assertThat(extractor.normalize("如何开通借呗？")).isEqualTo("如何开通借呗");
    }

    @Test
    void rejectsWhatIsNotAParticleWord() {
        assertThatThrownBy(() -> ParticleWords.of(List.of("花钱"))).hasMessage("a particle word has two characters and ends in one of 啊呀吧嘛哈呗咧呢哇, got '花钱'");
        assertThatThrownBy(() -> ParticleWords.fit(List.of("花呗"), 0)).hasMessage("minTexts must be at least 1, got 0");
    }
}
