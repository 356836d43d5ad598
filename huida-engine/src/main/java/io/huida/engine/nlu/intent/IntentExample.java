package io.huida.engine.nlu.intent;

import java.util.Objects;

/**
 * One labelled training utterance: a customer message and the intent it expresses.
 *
 * @param text  the raw message, as a customer would type it
 * @param label the intent name, e.g. an FAQ id or {@code card_arrival}
 */
public record IntentExample(String text, String label) {

    public IntentExample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (text.isBlank()) {
            throw new IllegalArgumentException("intent example text must not be blank (label '" + label + "')");
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("intent label must not be blank (text '" + text + "')");
        }
    }
}
