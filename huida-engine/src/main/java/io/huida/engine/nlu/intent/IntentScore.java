package io.huida.engine.nlu.intent;

/**
 * One intent with its calibrated probability.
 *
 * @param intent      the intent name
 * @param probability calibrated probability in 0..1
 */
public record IntentScore(String intent, double probability) {
}
