package io.huida.engine.dialog;

import io.huida.engine.safety.ComplianceChecker;
import io.huida.engine.safety.ComplianceRules;
import io.huida.engine.safety.PiiMasker;
import io.huida.engine.safety.RiskDetector;

import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How a dialog engine behaves beyond its knowledge base and flows.
 *
 * @param policy     when to hand over to a human
 * @param actions    business calls and work orders
 * @param masker     masks personal data in what the engine stores and summarises
 * @param summarizer an optional model-written handoff summary
 * @param risks      finds fraud, self-harm and high-risk investment cues in customer messages
 * @param compliance checks every outgoing bot text
 */
public record DialogOptions(HandoffPolicy policy, FlowActions actions, UnaryOperator<String> masker, Summarizer summarizer,
                            RiskDetector risks, ComplianceChecker compliance) {

    private static final PiiMasker PII = new PiiMasker();

    public DialogOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(masker, "masker");
        Objects.requireNonNull(summarizer, "summarizer");
        Objects.requireNonNull(risks, "risks");
        Objects.requireNonNull(compliance, "compliance");
    }

    /** The default policy, the given actions, personal-data masking, built-in risk table, general compliance rules. */
    public static DialogOptions of(FlowActions actions) {
        return new DialogOptions(HandoffPolicy.defaults(), actions, PII::mask, Summarizer.NONE,
                RiskDetector.withBuiltInTable(), new ComplianceChecker(ComplianceRules.builtIn(Set.of("general"))));
    }

    /** These options with another policy. */
    public DialogOptions withPolicy(HandoffPolicy p) {
        return new DialogOptions(p, actions, masker, summarizer, risks, compliance);
    }

    /** These options with another summarizer. */
    public DialogOptions withSummarizer(Summarizer s) {
        return new DialogOptions(policy, actions, masker, s, risks, compliance);
    }

    /** These options with other compliance rules. */
    public DialogOptions withCompliance(ComplianceChecker c) {
        return new DialogOptions(policy, actions, masker, summarizer, risks, c);
    }
}
