package io.huida.engine.nlu.emotion;

import java.util.List;
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

    /**
     * Returns the trend of a conversation from the emotions of its customer turns, oldest first.
     *
     * <p>A turn's negativity is 0 for neutral and satisfied turns and grows with intensity from 0.4 to 1 for
     * anger, 0.25 to 0.6 for anxiety and 0.2 to 0.5 for sadness; the trend's negativity is its exponential moving
     * average (half weight on the latest turn). Escalating means the negativity rose over the last three turns
     * and ended clearly negative, or it jumped sharply in the last turn, or at least two of the last three turns
     * were angry.
     *
     * @param turns the emotion of each customer turn, oldest first; may be empty
     * @throws NullPointerException naming the index of a null turn
     */
    public static EmotionTrend of(List<Emotion> turns) {
        Objects.requireNonNull(turns, "turns");
        if (turns.isEmpty()) {
            return CALM;
        }
        double[] n = new double[turns.size()];
        double smoothed = 0;
        for (int i = 0; i < n.length; i++) {
            if (turns.get(i) == null) {
                throw new NullPointerException("turns holds null at index " + i);
            }
            n[i] = negativity(turns.get(i));
            smoothed = i == 0 ? n[i] : 0.5 * smoothed + 0.5 * n[i];
        }
        int last = n.length - 1;
        boolean rising = last >= 2 && n[last] > n[last - 1] && n[last - 1] >= n[last - 2] && n[last] > n[last - 2]
                && n[last] >= 0.3;
        boolean jumped = last >= 1 && n[last] - n[last - 1] >= 0.45;
        long angry = turns.subList(Math.max(0, last - 2), last + 1).stream()
                .filter(e -> e.label() == EmotionLabel.ANGRY).count();
        return new EmotionTrend(turns.get(last).label(), rising || jumped || angry >= 2, Math.min(1.0, smoothed));
    }

    private static double negativity(Emotion e) {
        return switch (e.label()) {
            case ANGRY -> 0.4 + 0.6 * e.intensity();
            case ANXIOUS -> 0.25 + 0.35 * e.intensity();
            case SAD -> 0.2 + 0.3 * e.intensity();
            case SATISFIED, NEUTRAL -> 0.0;
        };
    }
}
