package io.huida.engine.nlu.match;

import io.huida.engine.retrieval.LogisticRegression;

import java.util.Objects;

/**
 * How likely two customer questions mean the same thing, as a probability in (0, 1): the cosine of the
 * normalised questions' sentence vectors combined with lexical evidence (character, pair and idf-weighted
 * coverage, edit distance, pinyin, number and negation mismatches) by fitted {@link SimilarityWeights}.
 *
 * <p>Instances are immutable and thread-safe when the embedder is.
 */
public final class QuestionSimilarity {

    private final EvidenceExtractor extractor;
    private final SimilarityWeights weights;

    /** Creates a scorer that measures evidence with {@code extractor} and weighs it with {@code weights}. */
    public QuestionSimilarity(EvidenceExtractor extractor, SimilarityWeights weights) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /** Prepares a question once, for scoring against many others. */
    public PreparedQuestion prepare(String raw) {
        return extractor.prepare(raw);
    }

    /** The probability that raw questions {@code a} and {@code b} mean the same thing. */
    public double score(String a, String b) {
        return score(extractor.prepare(a), extractor.prepare(b));
    }

    /** The probability that prepared questions {@code a} and {@code b} mean the same thing. */
    public double score(PreparedQuestion a, PreparedQuestion b) {
        return score(extractor.evidence(a, b));
    }

    /** The probability that a pair with this evidence means the same thing. */
    public double score(PairEvidence evidence) {
        return LogisticRegression.sigmoid(weights.logit(evidence));
    }

    /** The weights in use. */
    public SimilarityWeights weights() {
        return weights;
    }
}
