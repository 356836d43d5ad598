package io.huida.engine.nlu.match;

/**
 * The evidence that two customer questions mean the same thing, each value in [0, 1]. Coverages are
 * measured both ways and reported as the lower and the higher of the two, so the evidence does not depend
 * on the order of the questions.
 *
 * @param cosine           cosine of the sentence vectors of the normalised questions (clamped at 0)
 * @param charCoverageMin  lower share of one question's distinct characters found in the other
 * @param charCoverageMax  higher of those two shares
 * @param bigramCoverageMin lower share of one question's character pairs found in the other
 * @param bigramCoverageMax higher of those two shares
 * @param idfCoverageMin   lower idf-weighted share of one question's characters found in the other
 * @param idfCoverageMax   higher of those two shares
 * @param editSimilarity   1 minus the character edit distance over the longer length
 * @param pinyinCoverage   lower share of one question's pinyin syllable pairs found in the other (homophone typos)
 * @param lengthRatio      shorter length over longer length
 * @param numberMismatch   1 when the questions hold different numbers, else 0
 * @param negationMismatch 1 when exactly one of the questions negates, else 0
 */
public record PairEvidence(double cosine, double charCoverageMin, double charCoverageMax, double bigramCoverageMin,
                           double bigramCoverageMax, double idfCoverageMin, double idfCoverageMax,
                           double editSimilarity, double pinyinCoverage, double lengthRatio,
                           double numberMismatch, double negationMismatch) {

    /** Number of values {@link #toArray()} returns. */
    public static final int SIZE = 12;

    /** Rejects values outside [0, 1] (and NaN), naming the bad one. */
    public PairEvidence {
        double[] values = {cosine, charCoverageMin, charCoverageMax, bigramCoverageMin, bigramCoverageMax,
                idfCoverageMin, idfCoverageMax, editSimilarity, pinyinCoverage, lengthRatio, numberMismatch,
                negationMismatch};
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException("evidence " + SimilarityWeights.NAMES.get(i)
                        + " must be in [0, 1], got " + values[i]);
            }
        }
    }

    /** The values in declaration order, as {@link SimilarityWeights} expects them. */
    public double[] toArray() {
        return new double[]{cosine, charCoverageMin, charCoverageMax, bigramCoverageMin, bigramCoverageMax,
                idfCoverageMin, idfCoverageMax, editSimilarity, pinyinCoverage, lengthRatio, numberMismatch,
                negationMismatch};
    }
}
