package io.huida.engine.dialog.flow;

import java.util.List;
import java.util.Objects;

/**
 * An ambiguous request the bot answers with a question and choices, e.g. 查账单 → 本月账单 / 历史账单.
 *
 * @param id       unique id; its intent is {@code clarify:<id>}
 * @param triggers example messages that are ambiguous this way (trained into the intent model), at least 3
 * @param question what the bot asks
 * @param choices  two or more options
 */
public record Clarification(String id, List<String> triggers, LocalizedText question, List<Clarification.Choice> choices) {

    /** Prefix of a clarification's intent name. */
    public static final String INTENT_PREFIX = "clarify:";

    public Clarification {
        Objects.requireNonNull(id, "id");
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(question, "question");
        choices = List.copyOf(choices);
    }

    /** The clarification's intent name in the intent model. */
    public String intent() {
        return INTENT_PREFIX + id;
    }

    /**
     * One option; exactly one of {@code flow}, {@code faq} and {@code answer} is set.
     *
     * @param label    what the customer sees (and may type back)
     * @param keywords further words that pick this option (本月, 这个月 …)
     * @param flow     the flow it starts, or null
     * @param faq      the FAQ id it answers with, or null
     * @param answer   the text it answers with, or null
     */
    public record Choice(LocalizedText label, List<String> keywords, String flow, String faq, LocalizedText answer) {
        public Choice {
            Objects.requireNonNull(label, "label");
            keywords = List.copyOf(keywords);
        }
    }
}
