package io.huida.engine.dialog;

import java.util.Map;

/**
 * What the last answered turn was about, so that a follow-up ("那要多久？", "那3月份的呢") can be understood.
 *
 * @param question  the customer's last answered question (as typed)
 * @param faqId     the FAQ that answered it, or null
 * @param flowId    the flow that answered it, or null
 * @param variables that flow's final variables (raw; kept only in state), else empty
 */
public record DialogContext(String question, String faqId, String flowId, Map<String, String> variables) {

    public DialogContext {
        variables = Map.copyOf(variables);
    }
}
