package io.huida.engine.retrieval;

/**
 * The evidence that a query asks a given FAQ, each in [0, 1] unless noted.
 *
 * @param semantic        best cosine between the query and one of the FAQ's questions
 * @param semanticMargin  {@code semantic} minus the best cosine of any other FAQ (may be negative)
 * @param semanticAnswer  cosine between the query and the FAQ's answer
 * @param lexical         the FAQ's best BM25 score relative to the best BM25 score of any FAQ
 * @param coverage        idf-weighted share of the query's terms found in the FAQ's best-matching question
 * @param questionCoverage idf-weighted share of that question's terms found in the query
 * @param pinyinCoverage  share of the query's pinyin syllable pairs found in one of the FAQ's questions
 * @param semanticTop     1 when this FAQ has the best semantic score, else 0
 * @param lexicalTop      1 when this FAQ has the best BM25 score, else 0
 * @param queryLength     length of the normalised query, log-scaled to [0, 1] (1 at 80 characters or more):
 *                        long, chatty messages are further from every question, so evidence is weighed by it
 * @param centroidSemantic cosine between the query and the mean of the FAQ's question vectors (its intent as a
 *                        whole rather than one wording)
 */
public record Features(double semantic, double semanticMargin, double semanticAnswer, double lexical,
                       double coverage, double questionCoverage, double pinyinCoverage, double semanticTop,
                       double lexicalTop, double queryLength, double centroidSemantic) {

    /** Number of values {@link #toArray()} returns. */
    public static final int SIZE = 13;

    /** The fields up to the query length, two interactions with it, then the centroid similarity. */
    public double[] toArray() {
        return new double[]{semantic, semanticMargin, semanticAnswer, lexical, coverage, questionCoverage,
                pinyinCoverage, semanticTop, lexicalTop, queryLength, semantic * queryLength, coverage * queryLength,
                centroidSemantic};
    }

    /** The log-scaled length of a normalised query, as {@link #queryLength}. */
    public static double queryLength(String normalized) {
        return Math.min(1, Math.log1p(normalized.length()) / Math.log1p(80));
    }
}
