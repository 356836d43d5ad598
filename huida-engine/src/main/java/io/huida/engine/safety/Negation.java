package io.huida.engine.safety;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a match is negated: a negator (不, 没, 无, 未, 非, 别, 勿, not, no, never …) between the start of its
 * clause and the match, at most {@value #WINDOW} characters back. 不仅/不但/无论/非常 do not negate, nor do the
 * question forms 有没有 and A不A (是不是, 能不能).
 */
final class Negation {

    static final int WINDOW = 12;
    private static final String BOUNDARIES = "，。！？；：,.!?;:\n\r";
    private static final Pattern NEGATOR = Pattern.compile(
            "不(?![仅但只错管论过少久要紧])|(?<!有)没|无(?!论)|未|非(?!常)|别|勿|莫|\\b(?:not|no|never|without|cannot)\\b|n't",
            Pattern.CASE_INSENSITIVE);

    private Negation() {
    }

    /** True when {@code folded} holds a negator in the same clause shortly before {@code start}. */
    static boolean negated(String folded, int start) {
        int limit = Math.max(0, start - WINDOW);
        int from = start;
        while (from > limit && BOUNDARIES.indexOf(folded.charAt(from - 1)) < 0) {
            from--;
        }
        if (from == start) {
            return false;
        }
        Matcher m = NEGATOR.matcher(folded).region(from, start);
        while (m.find()) {
            int at = m.start();
            boolean question = folded.charAt(at) == '不' && at > 0 && at + 1 < folded.length()
                    && folded.charAt(at - 1) == folded.charAt(at + 1);
            if (!question) {
                return true;
            }
        }
        return false;
    }
}
