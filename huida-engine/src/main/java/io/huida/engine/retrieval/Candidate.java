package io.huida.engine.retrieval;

import io.huida.engine.kb.Faq;

/**
 * An FAQ that may answer a query, with the question that matched best, the evidence and the calibrated
 * probability that it is the right answer.
 */
public record Candidate(Faq faq, String matchedQuestion, Features features, double probability) {

    Candidate withProbability(double p) {
        return new Candidate(faq, matchedQuestion, features, p);
    }
}
