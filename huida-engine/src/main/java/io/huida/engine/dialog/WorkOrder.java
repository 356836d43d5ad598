package io.huida.engine.dialog;

import java.time.Instant;
import java.util.Map;

/**
 * A work order a flow created (kept on the conversation until the ticket feature takes them over).
 *
 * @param id        the order's number
 * @param category  e.g. 宽带故障 (also the skill it is dispatched to)
 * @param title     its title, personal data masked
 * @param flowId    the flow that created it
 * @param fields    the flow's variables when it was created, personal data masked
 * @param createdAt when
 */
public record WorkOrder(String id, String category, String title, String flowId, Map<String, String> fields,
                        Instant createdAt) {

    public WorkOrder {
        fields = Map.copyOf(fields);
    }
}
