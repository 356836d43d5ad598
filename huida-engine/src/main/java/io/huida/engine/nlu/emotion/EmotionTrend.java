package io.huida.engine.nlu.emotion;

import java.util.Objects;

/**
 * The emotional course of a conversation so far, from the customer's turns: where it stands and whether it
 * is getting worse, so that the bot can hand an escalating conversation to a human.
 *
 * @param current    the emotion of the latest customer turn ({@link EmotionLabel#NEUTRAL} when there is none)
 * @param escalating true when negativity has been rising over the last turns or the customer keeps complaining
 * @param negativity the smoothed negativity of the turns, from 0 (calm or pleased) to 1 (furious), weighted
 *                   towards recent turns; anger counts fully, anxiety and sadness partly
 */
public record EmotionTrend(EmotionLabel current, boolean escalating, double negativity) {

    /** The trend of a conversation without customer turns. */
    public static final EmotionTrend CALM = new EmotionTrend(EmotionLabel.NEUTRAL, false, 0.0);

    public EmotionTrend {
        Objects.requireNonNull(current, "current");
        if (!(negativity >= 0.0 && negativity <= 1.0)) {
            throw new IllegalArgumentException("negativity must be in [0, 1], got " + negativity);
        }
    }
}
