package io.huida.engine.kb;

import java.util.Objects;

/**
 * An alternative answer for one channel and/or customer segment, e.g. a shorter answer for SMS or a
 * different one for VIP customers. A null channel or segment matches any.
 */
public record AnswerVariant(String channel, String segment, String answer) {

    public AnswerVariant {
        channel = blankToNull(channel);
        segment = blankToNull(segment);
        Objects.requireNonNull(answer, "answer");
        if (answer.isBlank()) {
            throw new IllegalArgumentException("answer variant for channel=" + channel + " segment=" + segment + " is blank");
        }
        if (channel == null && segment == null) {
            throw new IllegalArgumentException("answer variant needs a channel or a segment: " + answer);
        }
    }

    /** How specifically this variant matches the request: -1 no match, else 1 per matching non-null field. */
    int specificity(String requestChannel, String requestSegment) {
        int score = 0;
        if (channel != null) {
            if (!channel.equalsIgnoreCase(requestChannel)) {
                return -1;
            }
            score++;
        }
        if (segment != null) {
            if (!segment.equalsIgnoreCase(requestSegment)) {
                return -1;
            }
            score++;
        }
        return score;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
