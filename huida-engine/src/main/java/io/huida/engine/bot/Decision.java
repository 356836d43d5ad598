package io.huida.engine.bot;

import io.huida.engine.retrieval.Calibration;
import io.huida.engine.retrieval.Candidate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to do with ranked candidates: ANSWER when the best one reaches the answer threshold and no other is
 * within the clarify margin of it; CLARIFY with 2–3 choices when others are that close, or when the best one
 * only reaches the clarify threshold; FALLBACK otherwise.
 *
 * @param offered the answered candidate (ANSWER), the choices (CLARIFY) or nothing (FALLBACK)
 */
public record Decision(ReplyType type, List<Candidate> offered, String reason) {

    static final int MAX_CHOICES = 3;

    /** Decides for {@code ranked} (best first, probabilities set) under {@code calibration}. */
    public static Decision of(List<Candidate> ranked, Calibration calibration) {
        if (ranked.isEmpty()) {
            return new Decision(ReplyType.FALLBACK, List.of(), "no FAQ shares any evidence with the message");
        }
        Candidate top = ranked.get(0);
        double p1 = top.probability();
        if (p1 < calibration.clarifyThreshold()) {
            return new Decision(ReplyType.FALLBACK, List.of(), format("best probability %.3f is below the clarify threshold %.3f",
                    p1, calibration.clarifyThreshold()));
        }
        List<Candidate> close = new ArrayList<>();
        for (Candidate c : ranked.subList(1, ranked.size())) {
            if (c.probability() >= calibration.clarifyThreshold() && p1 - c.probability() <= calibration.clarifyMargin()
                    && close.size() < MAX_CHOICES - 1) {
                close.add(c);
            }
        }
        if (p1 >= calibration.answerThreshold() && close.isEmpty()) {
            return new Decision(ReplyType.ANSWER, List.of(top), format(
                    "probability %.3f reaches the answer threshold %.3f and no other FAQ is within %.2f",
                    p1, calibration.answerThreshold(), calibration.clarifyMargin()));
        }
        List<Candidate> offered = new ArrayList<>();
        offered.add(top);
        if (close.isEmpty()) {
            for (Candidate c : ranked.subList(1, ranked.size())) {
                if (c.probability() >= calibration.clarifyThreshold() && offered.size() < MAX_CHOICES) {
                    offered.add(c);
                }
            }
        } else {
            offered.addAll(close);
        }
        String reason = p1 >= calibration.answerThreshold()
                ? format("%d FAQs are within %.2f of the best probability %.3f", close.size() + 1, calibration.clarifyMargin(), p1)
                : format("best probability %.3f is between the clarify threshold %.3f and the answer threshold %.3f",
                p1, calibration.clarifyThreshold(), calibration.answerThreshold());
        return new Decision(ReplyType.CLARIFY, List.copyOf(offered), reason);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
