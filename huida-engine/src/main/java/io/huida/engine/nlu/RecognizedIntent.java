package io.huida.engine.nlu;

/**
 * The recognised intent of a message.
 *
 * @param name       the intent (an FAQ id for knowledge-base intents), or null when the message is out of scope
 * @param confidence calibrated probability that the intent is right, 0..1
 */
public record RecognizedIntent(String name, double confidence) {

    public RecognizedIntent {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }
}
