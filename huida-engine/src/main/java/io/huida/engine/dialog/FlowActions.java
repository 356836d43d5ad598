package io.huida.engine.dialog;

import io.huida.engine.dialog.flow.Step;

import java.util.Map;

/**
 * The side effects of flows: calls to the business's systems and work orders. The server supplies the real
 * ones; work orders are kept on the conversation until the ticket feature implements {@link #createWorkOrder}.
 */
public interface FlowActions {

    /** Runs a flow's HTTP step with the flow's variables. */
    StepCall call(Step.Http step, Map<String, String> variables);

    /** Files a work order and returns its number. */
    String createWorkOrder(WorkOrder draft);

    /**
     * The result of a business call.
     *
     * @param ok      whether the call succeeded and every mapped field was present
     * @param fields  variable → value from the response
     * @param failure why it failed (for the agent's summary), or null
     */
    record StepCall(boolean ok, Map<String, String> fields, String failure) {
        public StepCall {
            fields = Map.copyOf(fields);
        }
    }
}
