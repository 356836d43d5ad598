package io.huida.engine.nlu.intent;

import java.util.List;

/**
 * What the intent model understood from one message.
 *
 * @param intent     the recognised intent, or {@code null} when the message is out of scope
 * @param confidence calibrated probability of the best intent (also when it was judged out of scope)
 * @param ranking    the best intents, most probable first (at most five)
 */
public record IntentPrediction(String intent, double confidence, List<IntentScore> ranking) {

    public IntentPrediction {
        ranking = List.copyOf(ranking);
    }

    /** True when the message was matched to an intent rather than judged out of scope. */
    public boolean inScope() {
        return intent != null;
    }

    /** The best intent even when it fell under the out-of-scope threshold, or {@code null} for an empty model. */
    public String best() {
        return ranking.isEmpty() ? null : ranking.get(0).intent();
    }
}
