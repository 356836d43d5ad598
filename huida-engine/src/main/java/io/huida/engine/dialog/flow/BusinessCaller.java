package io.huida.engine.dialog.flow;

import java.util.Map;

/** Calls the business system behind a flow's {@link Step.Http} step. Implementations are thread-safe. */
public interface BusinessCaller {

    /**
     * Runs {@code step} with the flow's current {@code variables} (placeholders of URL, headers and body filled in);
     * never throws for a failed call — the failure is in the result.
     */
    CallResult call(Step.Http step, Map<String, String> variables);
}
