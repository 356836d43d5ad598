package io.huida.engine.dialog;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When the bot hands a conversation to a human agent.
 *
 * @param phrases         what counts as asking for a human (matched in the folded message; {@code 人工} alone is
 *                        not enough inside {@code 人工智能})
 * @param maxFailures     consecutive turns the bot could not answer (FALLBACK or CLARIFY) before it hands over; 0 never
 * @param angerThreshold  anger intensity (0..1) that hands over at once; above 1 never
 * @param onEscalation    hand over when the emotion trend is escalating (negativity rising over turns)
 * @param riskTypes       risk types that hand over at once
 * @param vip             {@code immediate}: VIP customers go to a human at their first message; {@code first-failure}:
 *                        at the first turn the bot cannot answer; {@code never}: like everyone else
 * @param onBusinessFailure hand over when a flow's business call fails
 */
public record HandoffPolicy(List<String> phrases, int maxFailures, double angerThreshold, boolean onEscalation,
                            Set<String> riskTypes, String vip, boolean onBusinessFailure) {

    /** Default phrases that ask for a human. */
    public static final List<String> DEFAULT_PHRASES = List.of("转人工", "人工客服", "人工服务", "人工坐席", "找人工", "要人工",
            "接人工", "转接人工", "真人", "活人", "转客服", "找客服", "客服在吗", "人工", "human", "agent", "real person",
            "representative", "operator", "talk to someone", "speak to someone");

    private static final Set<String> VIP_RULES = Set.of("immediate", "first-failure", "never");

    public HandoffPolicy {
        phrases = List.copyOf(phrases);
        if (phrases.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("handoff phrases must not be blank: " + phrases);
        }
        if (maxFailures < 0) {
            throw new IllegalArgumentException("maxFailures must be >= 0, got " + maxFailures);
        }
        if (!(angerThreshold >= 0)) {
            throw new IllegalArgumentException("angerThreshold must be >= 0, got " + angerThreshold);
        }
        riskTypes = Set.copyOf(riskTypes);
        Objects.requireNonNull(vip, "vip");
        if (!VIP_RULES.contains(vip)) {
            throw new IllegalArgumentException("vip handoff rule must be one of " + VIP_RULES + ", got '" + vip + "'");
        }
    }

    /** Two failures, anger at 0.75, escalation, fraud/self-harm/card-loss risks, VIPs at their first failure. */
    public static HandoffPolicy defaults() {
        return new HandoffPolicy(DEFAULT_PHRASES, 2, 0.75, true, Set.of("fraud", "self_harm", "card_loss"),
                "first-failure", true);
    }

    /** Whether {@code text} asks for a human. */
    public boolean asksForHuman(String text) {
        String f = Utterances.fold(text).replace("人工智能", "").replace("agent's", "");
        return phrases.stream().map(Utterances::fold).anyMatch(p -> contains(f, p));
    }

    private static boolean contains(String text, String phrase) {
        if (phrase.isEmpty() || !phrase.chars().allMatch(c -> c < 128)) {
            return text.contains(phrase);
        }
        // an English phrase counts only as whole words: not followed or preceded by a letter a-z
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            int end = at + phrase.length();
            if ((at == 0 || !isLetter(text.charAt(at - 1))) && (end == text.length() || !isLetter(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
