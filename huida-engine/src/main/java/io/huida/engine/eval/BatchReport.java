package io.huida.engine.eval;

import java.util.List;
import java.util.Map;

/**
 * The result of a batch test.
 *
 * @param total             number of queries
 * @param inScope           queries with an expected FAQ
 * @param outOfScope        queries the knowledge base must not answer
 * @param top1Accuracy      share of in-scope queries ANSWERed with the expected FAQ
 * @param clarifyRate       share of in-scope queries answered with CLARIFY
 * @param clarifyHitRate    share of in-scope queries answered with CLARIFY offering the expected FAQ
 * @param wrongAnswerRate   share of in-scope queries ANSWERed with another FAQ
 * @param noneAnsweredRate  share of out-of-scope queries wrongly ANSWERed with an FAQ
 * @param noneRejectedRate  share of out-of-scope queries not answered with an FAQ (1 − noneAnsweredRate)
 * @param byStyle           top-1 accuracy (in-scope) or rejection rate (out of scope) per style label
 * @param misses            every query not handled as expected
 * @param unknownExpectedIds expected FAQ ids that are not (enabled) in the knowledge base: such rows can
 *                          never be answered right, so the file or the knowledge base needs a look
 */
public record BatchReport(int total, int inScope, int outOfScope, double top1Accuracy, double clarifyRate,
                          double clarifyHitRate, double wrongAnswerRate, double noneAnsweredRate,
                          double noneRejectedRate, Map<String, Double> byStyle, List<Miss> misses,
                          List<String> unknownExpectedIds) {

    /**
     * A query not handled as expected.
     *
     * @param answeredType what the bot did (ANSWER, CLARIFY, FALLBACK)
     * @param answeredId   the FAQ it answered or offered first, or null
     */
    public record Miss(int row, String query, String expectedId, String answeredType, String answeredId,
                       String answeredQuestion, double confidence) {
    }
}
