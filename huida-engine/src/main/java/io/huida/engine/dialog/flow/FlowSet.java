package io.huida.engine.dialog.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flows and clarifications of one knowledge-base version.
 */
public record FlowSet(List<Flow> flows, List<Clarification> clarifications) {

    private static final FlowSet EMPTY = new FlowSet(List.of(), List.of());

    public FlowSet {
        flows = List.copyOf(flows);
        clarifications = List.copyOf(clarifications);
        Map<String, Object> ids = new LinkedHashMap<>();
        for (Flow f : flows) {
            if (ids.put(f.intent(), f) != null) {
                throw new IllegalArgumentException("flow id '" + f.id() + "' is used twice");
            }
        }
        for (Clarification c : clarifications) {
            if (ids.put(c.intent(), c) != null) {
                throw new IllegalArgumentException("clarification id '" + c.id() + "' is used twice");
            }
        }
    }

    /** No flows, no clarifications. */
    public static FlowSet empty() {
        return EMPTY;
    }

    /** The flow with this id. */
    public Optional<Flow> flow(String id) {
        return flows.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The clarification with this id. */
    public Optional<Clarification> clarification(String id) {
        return clarifications.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Whether there is nothing in it. */
    public boolean isEmpty() {
        return flows.isEmpty() && clarifications.isEmpty();
    }
}
