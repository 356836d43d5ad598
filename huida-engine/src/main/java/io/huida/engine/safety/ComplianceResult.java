package io.huida.engine.safety;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a compliance check: the action, the text to send ({@code null} when blocked, the rewritten
 * text for REWRITE, the original for ALLOW) and every violation found, in text order.
 */
public record ComplianceResult(ComplianceAction action, String text, List<ComplianceViolation> violations) {

    /** Validates that the text and violations agree with the action. */
    public ComplianceResult {
        Objects.requireNonNull(action, "action");
        violations = List.copyOf(violations);
        if ((action == ComplianceAction.BLOCK) != (text == null)) {
            throw new IllegalArgumentException("text must be null exactly when blocked, action " + action);
        }
        if ((action == ComplianceAction.ALLOW) != violations.isEmpty()) {
            throw new IllegalArgumentException("action " + action + " with " + violations.size() + " violations");
        }
    }

    /** True when the text must not be sent. */
    public boolean blocked() {
        return action == ComplianceAction.BLOCK;
    }
}
