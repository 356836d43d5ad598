package io.huida.engine.dialog;

import java.util.Optional;

/**
 * Writes the conversation summary an agent receives at handoff, e.g. with a language model. The engine always
 * builds a summary without one ({@link HandoffSummary}); a summarizer may replace it and returns empty when it
 * cannot (not configured, timed out, failed), in which case the built summary is used.
 */
@FunctionalInterface
public interface Summarizer {

    /** No summarizer: the built summary is used. */
    Summarizer NONE = (transcript, built, chinese) -> Optional.empty();

    /**
     * A summary of {@code transcript} (customer and bot lines, personal data masked), or empty.
     *
     * @param built   the summary built without a model, with the facts it must keep
     * @param chinese whether the conversation is in Chinese
     */
    Optional<String> summarize(String transcript, String built, boolean chinese);
}
