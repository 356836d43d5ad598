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
 * @param flowId      the flow the reply belongs to, or null
 * @param slot        the slot (or confirmation variable) asked for (ASK_SLOT), else null
 * @param choices     the options offered (CLARIFY, or a choice slot), numbered from 1
 * @param risks       risks found in the customer's message (fraud, self-harm, high-risk investment …)
 * @param handoff     why and with what summary the conversation goes to a human (HANDOFF), else null
 * @param compliance  what the compliance check changed in {@code text} (REWRITE or BLOCK, with reasons), else null
 */
public record BotReply(ReplyType type, String text, String faqId, double confidence, List<Choice> candidates,
                       Explanation explanation, RecognizedIntent intent, List<Entity> entities, DetectedEmotion emotion,
                       String flowId, String slot, List<Option> choices, List<RiskFlag> risks, Handoff handoff,
                       Compliance compliance) {

    public BotReply {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(intent, "intent");
        entities = List.copyOf(entities);
        Objects.requireNonNull(emotion, "emotion");
        choices = List.copyOf(choices);
        risks = List.copyOf(risks);
        if (type == ReplyType.HANDOFF && handoff == null) {
            throw new IllegalArgumentException("a HANDOFF reply needs its handoff reason and summary");
        }
    }

    /** A knowledge-base reply (no flow, no risks, no handoff); a CLARIFY offers its candidates as choices. */
    public BotReply(ReplyType type, String text, String faqId, double confidence, List<Choice> candidates,
                    Explanation explanation, RecognizedIntent intent, List<Entity> entities, DetectedEmotion emotion) {
        this(type, text, faqId, confidence, candidates, explanation, intent, entities, emotion, null, null,
                type == ReplyType.CLARIFY ? Option.of(candidates) : List.of(), List.of(), null, null);
    }

    /**
     * An option offered to the customer; they may answer with its number, its label or in their own words.
     *
     * @param number 1, 2, 3 …
     * @param label  what is shown
     * @param target what it leads to: {@code faq:<id>}, {@code flow:<id>} or {@code answer}
     */
    public record Option(int number, String label, String target) {

        static List<Option> of(List<Choice> candidates) {
            List<Option> out = new java.util.ArrayList<>();
            for (Choice c : candidates) {
                out.add(new Option(out.size() + 1, c.question(), "faq:" + c.faqId()));
            }
            return out;
        }
    }

    /**
     * What the compliance check did to the bot's text.
     *
     * @param action  {@code rewrite} (offending phrases replaced) or {@code block} (the text was withheld)
     * @param reasons each {@code ruleId: reason}
     */
    public record Compliance(String action, List<String> reasons) {
        public Compliance {
            Objects.requireNonNull(action, "action");
            reasons = List.copyOf(reasons);
        }
    }

    /** This reply with another text and compliance record. */
    public BotReply withText(String newText, Compliance check) {
        return new BotReply(type, newText, faqId, confidence, candidates, explanation, intent, entities, emotion, flowId,
                slot, choices, risks, handoff, check);
    }

    /** This reply with further risks. */
    public BotReply withRisks(List<RiskFlag> more) {
        List<RiskFlag> all = new java.util.ArrayList<>(risks);
        more.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return new BotReply(type, text, faqId, confidence, candidates, explanation, intent, entities, emotion, flowId,
                slot, choices, all, handoff, compliance);
    }

    /**
     * A risk in the customer's message.
     *
     * @param type    e.g. {@code fraud}, {@code self_harm}, {@code investment_high_risk}, {@code card_loss}
     * @param message what it means, for the agent and the customer's record
     */
    public record RiskFlag(String type, String message) {
    }

    /**
     * Why the conversation goes to a human agent and what the agent needs to know.
     *
     * @param reason  machine-readable reason: {@code customer_request}, {@code repeated_failure}, {@code anger},
     *                {@code risk}, {@code vip}, {@code business_call_failed}, {@code slot_failed}, {@code flow}
     * @param detail  the reason in words
     * @param skill   the skill the agent needs (e.g. 信用卡), or null
     * @param summary the conversation summary for the agent (personal data masked)
     */
    public record Handoff(String reason, String detail, String skill, String summary) {
        public Handoff {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(summary, "summary");
        }
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
