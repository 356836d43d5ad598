package io.huida.server.conversation;

import io.huida.engine.dialog.FlowActions;
import io.huida.engine.dialog.WorkOrder;
import io.huida.engine.dialog.flow.BusinessCaller;
import io.huida.engine.dialog.flow.CallResult;
import io.huida.engine.dialog.flow.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Flows' side effects in the server: business calls over HTTP, work orders numbered here and recorded on the
 * conversation (the ticket feature will take them over).
 */
final class ServerFlowActions implements FlowActions {

    private static final Logger log = LoggerFactory.getLogger(ServerFlowActions.class);

    private final Supplier<BusinessCaller> callerFactory;
    private final WorkOrderNumbers numbers;
    private volatile BusinessCaller caller;

    /** @param callerFactory makes the caller at the first business call (when the server's own port is known) */
    ServerFlowActions(Supplier<BusinessCaller> callerFactory, WorkOrderNumbers numbers) {
        this.callerFactory = callerFactory;
        this.numbers = numbers;
    }

    private BusinessCaller caller() {
        BusinessCaller c = caller;
        if (c == null) {
            synchronized (this) {
                if (caller == null) {
                    caller = callerFactory.get();
                }
                c = caller;
            }
        }
        return c;
    }

    @Override
    public StepCall call(Step.Http step, Map<String, String> variables) {
        CallResult r = caller().call(step, variables);
        if (!r.ok()) {
            log.warn("Business call {} failed after {} attempt(s): {}", step.method(), r.attempts(), r.failure());
        }
        return new StepCall(r.ok(), r.fields(), r.failure());
    }

    @Override
    public String createWorkOrder(WorkOrder draft) {
        String id = numbers.next();
        log.info("Work order {} filed by flow {} ({})", id, draft.flowId(), draft.category());
        return id;
    }
}
