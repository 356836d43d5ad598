package io.huida.engine.safety;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One compliance rule: id, compiled pattern, action, replacement (REWRITE only; {@code $1} refers to a regex group)
 * and reason. A {@code negatable} rule does not fire when a negator precedes the match in its clause
 * (我们不保证收益), so disclaimers pass.
 */
record ComplianceRule(String id, Pattern pattern, ComplianceAction action, String replacement, String reason,
                      boolean negatable) {

    ComplianceRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reason, "reason");
        if (action == ComplianceAction.REWRITE && (replacement == null || replacement.isEmpty())) {
            throw new IllegalArgumentException("rule '" + id + "' rewrites but has no replacement");
        }
        if (action == null || action == ComplianceAction.ALLOW) {
            throw new IllegalArgumentException("rule '" + id + "' action must be BLOCK or REWRITE, got " + action);
        }
    }
}
