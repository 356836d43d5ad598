package io.huida.engine.nlu.match;

import io.huida.engine.embed.Embedder;
import io.huida.engine.text.Language;
import io.huida.engine.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class QuestionSimilarityTest {

    /** Deterministic stand-in for the ONNX model: a unit bag-of-characters vector hashed into 64 buckets. */
    static final class CharBagEmbedder implements Embedder {
        @Override
        public String name() {
            return "char-bag";
        }

        @Override
        public float[] embed(String text, Language language) {
            float[] v = new float[64];
            text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> v[Math.floorMod(c * 31, 64)] += 1);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int i = 0; i < v.length && norm > 0; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
            return v;
        }
    }

    private static final List<String> CORPUS = List.of("微粒贷怎么还款", "怎么开通微粒贷", "还款日是哪天",
            "为什么不能借款", "额度怎么提高", "怎么申请借款");

    /** Cosine and idf coverage count for, mismatches against. */
    private static final SimilarityWeights HAND = SimilarityWeights.of(6, 0, 0, 0, 0, 3, 0, 0, 0, 0, -3, -3, -6);

    private final EvidenceExtractor extractor = new EvidenceExtractor(new TextNormalizer(), new CharBagEmbedder(),
            CharIdf.fit(CORPUS), ParticleWords.none());
    private final QuestionSimilarity similarity = new QuestionSimilarity(extractor, HAND);

    @Test
    void identicalQuestionsBeatAParaphraseWhichBeatsAnUnrelatedQuestion() {
        double identical = similarity.score("微粒贷怎么还款？", "微粒贷怎么还款");
        double paraphrase = similarity.score("微粒贷怎么还款？", "微粒贷如何还款呢");
        double unrelated = similarity.score("微粒贷怎么还款？", "额度怎么提高");
        assertThat(identical).isGreaterThan(paraphrase);
        assertThat(paraphrase).isGreaterThan(unrelated);
        assertThat(identical).isBetween(0.0, 1.0);
    }

    @Test
    void theDefaultWeightsRankLikeTheHandWeights() {
        QuestionSimilarity fitted = new QuestionSimilarity(extractor, SimilarityWeights.defaults());
        assertThat(fitted.score("微粒贷怎么还款", "微粒贷怎么还款呢"))
                .isGreaterThan(fitted.score("微粒贷怎么还款", "额度怎么提高"));
        assertThat(fitted.score("我要还款500元", "我要还款500元怎么办"))
                .isGreaterThan(fitted.score("我要还款500元", "我要还款300元怎么办"));
        assertThat(fitted.weights().coefficients().get(0)).as("cosine").isPositive();
    }

    @Test
    void normalisesBeforeComparing() {
        PairEvidence e = extractor.evidence(extractor.prepare("微粒貸怎麼還款？？"), extractor.prepare("微粒贷怎么还款"));
        assertThat(e.cosine()).isCloseTo(1, within(1e-6));
        assertThat(e.editSimilarity()).isEqualTo(1);
        assertThat(e.charCoverageMin()).isEqualTo(1);
    }

    @Test
    void aDifferentNumberLowersTheScore() {
        double same = similarity.score("我要还款500元", "我要还款500元怎么办");
        double different = similarity.score("我要还款500元", "我要还款300元怎么办");
        assertThat(extractor.evidence(extractor.prepare("我要还款500元"), extractor.prepare("我要还款300元")).numberMismatch())
                .isEqualTo(1);
        assertThat(different).isLessThan(same);
    }

    @Test
    void negationCountsButAnANotAQuestionDoesNot() {
        PreparedQuestion can = extractor.prepare("为什么能借款");
        assertThat(extractor.evidence(can, extractor.prepare("为什么不能借款")).negationMismatch()).isEqualTo(1);
        assertThat(extractor.evidence(can, extractor.prepare("能不能借款")).negationMismatch()).isZero();
        assertThat(extractor.evidence(can, extractor.prepare("为什么没有额度")).negationMismatch()).isEqualTo(1);
        assertThat(similarity.score("为什么能借款", "为什么不能借款")).isLessThan(similarity.score("为什么能借款", "为什么能借款呢"));
    }

    @Test
    void evidenceIsSymmetric() {
        PreparedQuestion a = extractor.prepare("微粒贷怎么还款");
        PreparedQuestion b = extractor.prepare("怎么开通微粒贷账户");
        assertThat(extractor.evidence(a, b)).isEqualTo(extractor.evidence(b, a));
        assertThat(extractor.evidence(a, b).charCoverageMin()).isLessThan(extractor.evidence(a, b).charCoverageMax());
    }

    @Test
    void rareCharactersWeighMoreThanCommonOnes() {
        CharIdf idf = CharIdf.fit(CORPUS);
        assertThat(idf.idf('提')).isGreaterThan(idf.idf('款'));
        assertThat(idf.idf('猫')).isGreaterThan(idf.idf('提'));
        assertThat(CharIdf.uniform().idf('猫')).isEqualTo(1);
        assertThatThrownBy(() -> CharIdf.fit(List.of())).hasMessage("cannot fit character idf on 0 texts");
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(EvidenceExtractor.editDistance("还款".codePoints().toArray(), "还款".codePoints().toArray())).isZero();
        assertThat(EvidenceExtractor.editDistance("怎么还款".codePoints().toArray(), "如何还款呢".codePoints().toArray()))
                .isEqualTo(3);
        assertThat(EvidenceExtractor.editDistance(new int[0], "abc".codePoints().toArray())).isEqualTo(3);
    }

    @Test
    void weightsAreValidatedEagerly() {
        assertThatThrownBy(() -> SimilarityWeights.of(1, 2))
                .hasMessage("expected 13 values (coefficients, then the bias), got 2");
        assertThatThrownBy(() -> SimilarityWeights.of(Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
                .hasMessage("coefficient cosine must be finite, got NaN");
        assertThatThrownBy(() -> new SimilarityWeights(List.of(1.0), 0)).hasMessageStartingWith("expected 12 coefficients (cosine, ");
        assertThatThrownBy(() -> SimilarityWeights.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Double.POSITIVE_INFINITY))
                .hasMessage("bias must be finite, got Infinity");
        assertThatThrownBy(() -> new PairEvidence(1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
                .hasMessage("evidence cosine must be in [0, 1], got 1.5");
        assertThat(HAND.toSource()).startsWith("SimilarityWeights.of(6.0000, 0.0000,").endsWith("negationMismatch, bias");
    }

    @Test
    void fittingLearnsThatCosineAndNumberMismatchMatter() {
        List<PairEvidence> evidence = new ArrayList<>();
        List<Boolean> same = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean match = i % 2 == 0;
            double cosine = (match ? 0.6 : 0.3) + (i % 7) * 0.05;
            double numbers = !match && i % 3 == 0 ? 1 : 0;
            evidence.add(new PairEvidence(cosine, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, numbers, 0));
            same.add(match);
            sources.add(i < 100 ? "a" : "b");
        }
        SimilarityWeights fitted = SimilarityWeights.fit(evidence, same, sources, 1e-4);
        assertThat(fitted.coefficients().get(0)).isPositive();
        assertThat(fitted.coefficients().get(10)).isNegative();
        assertThat(SimilarityWeights.fit(evidence, same, 1e-4).coefficients().get(0)).isPositive();
        assertThatThrownBy(() -> SimilarityWeights.fit(evidence, same.subList(0, 3), 1e-4))
                .hasMessage("got 200 pairs, 3 labels and 200 sources");
        assertThatThrownBy(() -> SimilarityWeights.fit(evidence.subList(0, 1), same.subList(0, 1), 1e-4))
                .hasMessage("fitting needs both matching and non-matching pairs");
    }
}
