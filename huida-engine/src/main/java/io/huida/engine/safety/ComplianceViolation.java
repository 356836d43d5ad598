package io.huida.engine.safety;

import java.util.Objects;

/**
 * One rule an outgoing text broke: the rule's id, the text it matched (as written), the rule's action
 * ({@link ComplianceAction#REWRITE} or {@link ComplianceAction#BLOCK}) and the reason, in Chinese and English.
 */
public record ComplianceViolation(String ruleId, String matched, ComplianceAction action, String reason) {

    /** Validates the fields. */
    public ComplianceViolation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(matched, "matched");
        Objects.requireNonNull(reason, "reason");
        if (action == null || action == ComplianceAction.ALLOW) {
            throw new IllegalArgumentException("a violation's action must be REWRITE or BLOCK, got " + action);
        }
    }
}
