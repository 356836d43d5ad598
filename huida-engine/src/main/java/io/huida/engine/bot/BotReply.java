package io.huida.engine.bot;

import io.huida.engine.nlu.DetectedEmotion;
import io.huida.engine.nlu.RecognizedIntent;
import io.huida.engine.nlu.entity.Entity;

import java.util.List;
import java.util.Objects;

/**
 * The bot's reply with its reasons.
 *
 * @param type        answer, clarify or fallback
 * @param text        what the customer is shown
 * @param faqId       the answered FAQ (ANSWER only), else null
 * @param confidence  calibrated probability that the top candidate is right, 0..1
 * @param candidates  the best candidates, best first (the choices, for CLARIFY)
 * @param explanation why
 * @param intent      what the customer wants, as the knowledge base's intent model understood it
 * @param entities    the entities in the message (phone numbers, order numbers, dates, amounts …)
 * @param emotion     the customer's emotion in this message
 */
public record BotReply(ReplyType type, String text, String faqId, double confidence, List<Choice> candidates,
                       Explanation explanation, RecognizedIntent intent, List<Entity> entities, DetectedEmotion emotion) {

    public BotReply {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(intent, "intent");
        entities = List.copyOf(entities);
        Objects.requireNonNull(emotion, "emotion");
    }

    /** A candidate FAQ as shown to callers. */
    public record Choice(String faqId, String question, double score) {
    }

    /**
     * The evidence behind a reply.
     *
     * @param normalizedText  the message after normalisation
     * @param language        {@code zh} or {@code en}
     * @param matchedQuestion the top candidate's best-matching question, or null
     * @param lexicalScore    the top candidate's relative BM25 score and term coverage (0..1)
     * @param semanticScore   the top candidate's best cosine similarity (0..1)
     * @param answerThreshold probability needed to answer
     * @param clarifyThreshold probability needed to be offered as a choice
     * @param reason          one sentence saying why this type was chosen
     */
    public record Explanation(String normalizedText, String language, String matchedQuestion, double lexicalScore,
                              double semanticScore, double answerThreshold, double clarifyThreshold, String reason) {
    }
}
