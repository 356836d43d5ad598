package io.huida.engine.dialog.flow;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A multi-turn task the bot carries out: triggered by what the customer says, it collects its slots over as
 * many turns as needed and then runs its steps.
 *
 * @param id       unique id ({@code [a-z][a-z0-9_]*}); its intent is {@code flow:<id>}
 * @param name     shown to agents and in choices
 * @param triggers example messages that start the flow (trained into the intent model), at least 3
 * @param slots    what to collect, in the order asked
 * @param steps    what to do once the required slots are filled, at least one
 * @param expiry   an unfinished flow is dropped after this long without a customer message (default 30 min)
 * @param risk     a risk type the flow raises when triggered (e.g. {@code card_loss}), or null
 */
public record Flow(String id, LocalizedText name, List<String> triggers, List<Slot> slots, List<Step> steps,
                   Duration expiry, String risk) {

    /** Prefix of a flow's intent name. */
    public static final String INTENT_PREFIX = "flow:";

    public Flow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        triggers = List.copyOf(triggers);
        slots = List.copyOf(slots);
        steps = List.copyOf(steps);
        Objects.requireNonNull(expiry, "expiry");
    }

    /** The flow's intent name in the intent model. */
    public String intent() {
        return INTENT_PREFIX + id;
    }

    /** The slot named {@code name}, or null. */
    public Slot slot(String name) {
        return slots.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
