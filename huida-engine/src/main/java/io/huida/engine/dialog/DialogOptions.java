package io.huida.engine.dialog;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How a dialog engine behaves beyond its knowledge base and flows.
 *
 * @param policy     when to hand over to a human
 * @param actions    business calls and work orders
 * @param masker     masks personal data in what the engine stores and summarises
 * @param summarizer an optional model-written handoff summary
 */
public record DialogOptions(HandoffPolicy policy, FlowActions actions, UnaryOperator<String> masker, Summarizer summarizer) {

    public DialogOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(masker, "masker");
        Objects.requireNonNull(summarizer, "summarizer");
    }

    /** The default policy, the given actions, default masking, no summarizer. */
    public static DialogOptions of(FlowActions actions) {
        return new DialogOptions(HandoffPolicy.defaults(), actions, UnaryOperator.identity(), Summarizer.NONE);
    }

    /** These options with another policy. */
    public DialogOptions withPolicy(HandoffPolicy p) {
        return new DialogOptions(p, actions, masker, summarizer);
    }

    /** These options with another summarizer. */
    public DialogOptions withSummarizer(Summarizer s) {
        return new DialogOptions(policy, actions, masker, s);
    }
}
