package io.huida.engine.dialog.flow;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A piece of information a flow needs from the customer.
 *
 * @param name       the variable name, used as {@code {name}} in templates ({@code [a-z][a-z0-9_]*})
 * @param entity     where the value comes from: an entity type of the recognizer ({@code order_number},
 *                   {@code phone}, {@code datetime}, {@code location}, {@code money} …), {@code choice} (one of
 *                   {@code choices}, matched by text or number) or {@code text} (the customer's whole reply)
 * @param prompt     what the bot asks
 * @param required   whether the flow cannot go on without it; an optional slot is asked once and skipped on "不知道/跳过"
 * @param maxRetries how many invalid answers are tolerated before the flow hands over (default 2)
 * @param validation a pattern the whole value must match, or null
 * @param invalid    what the bot says when a value does not validate, or null for a default
 * @param choices    the allowed values of a {@code choice} slot, else empty
 * @param when       asked only when this holds
 */
public record Slot(String name, String entity, LocalizedText prompt, boolean required, int maxRetries,
                   Pattern validation, LocalizedText invalid, List<String> choices, Condition when) {

    /** Slot source: one of {@link #choices}. */
    public static final String CHOICE = "choice";
    /** Slot source: the customer's whole reply. */
    public static final String TEXT = "text";

    public Slot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(prompt, "prompt");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max_retries of slot '" + name + "' must be >= 0, got " + maxRetries);
        }
        choices = List.copyOf(choices);
        Objects.requireNonNull(when, "when");
    }
}
