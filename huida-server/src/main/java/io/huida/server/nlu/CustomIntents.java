package io.huida.server.nlu;

import io.huida.engine.nlu.intent.IntentExample;

import java.util.List;

/**
 * Intents beyond the FAQs, from {@code huida.nlu.intents-file}; every published knowledge base's intent
 * model learns them too.
 *
 * @param examples the labelled examples (empty when no file is configured)
 */
public record CustomIntents(List<IntentExample> examples) {

    public CustomIntents {
        examples = List.copyOf(examples);
    }
}
