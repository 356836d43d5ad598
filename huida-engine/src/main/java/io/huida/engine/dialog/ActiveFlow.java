package io.huida.engine.dialog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A flow in progress.
 *
 * @param flowId    the flow
 * @param variables slot values, business-call fields, confirmations and customer attributes so far (raw values:
 *                  this state is the only place personal data is kept, for the step that needs it)
 * @param asking    the slot or confirmation variable the bot asked for last, or null
 * @param retries   invalid answers to {@code asking} so far
 * @param step      index of the next step to run (the confirm step being asked, while confirming)
 * @param updatedAt the last customer message that advanced it (for expiry)
 */
public record ActiveFlow(String flowId, Map<String, String> variables, String asking, int retries, int step,
                         Instant updatedAt) {

    public ActiveFlow {
        Objects.requireNonNull(flowId, "flowId");
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    ActiveFlow with(Map<String, String> vars, String asking, int retries, int step, Instant now) {
        return new ActiveFlow(flowId, vars, asking, retries, step, now);
    }
}
