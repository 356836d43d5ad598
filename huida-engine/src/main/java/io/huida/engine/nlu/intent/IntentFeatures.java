package io.huida.engine.nlu.intent;

import io.huida.engine.text.Language;

/**
 * The model input for one message: its language, its unit sentence vector and its tf-idf weighted n-grams
 * (indexes into the model's vocabulary, values L2-normalised).
 */
record IntentFeatures(Language language, float[] vector, int[] ngrams, float[] weights) {
}
