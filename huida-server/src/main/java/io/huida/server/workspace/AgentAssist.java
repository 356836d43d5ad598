package io.huida.server.workspace;

import io.huida.engine.bot.Bot;
import io.huida.engine.bot.BotRequest;
import io.huida.engine.kb.Faq;
import io.huida.engine.retrieval.Candidate;
import io.huida.engine.safety.ComplianceChecker;
import io.huida.engine.safety.ComplianceResult;
import io.huida.engine.dialog.DialogOptions;
import io.huida.server.knowledge.BotHolder;
import io.huida.server.knowledge.NotReadyException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Help for agents while they type: knowledge-base answers for the customer's message (insertable with one click),
 * and the compliance check of a draft before it is sent.
 */
@Service
public class AgentAssist {

    /** Most suggestions shown. */
    static final int MAX_SUGGESTIONS = 3;

    private final BotHolder holder;
    private final ComplianceChecker compliance;

    AgentAssist(BotHolder holder, DialogOptions options) {
        this.holder = holder;
        this.compliance = options.compliance();
    }

    /**
     * A suggested answer.
     *
     * @param faqId    the FAQ
     * @param question its question
     * @param answer   its answer for the conversation's channel
     * @param score    the calibrated probability that it answers the message
     */
    public record Suggestion(String faqId, String question, String answer, double score) {
    }

    /** The best knowledge-base answers for {@code customerText}, best first (those the bot would at least offer). */
    public List<Suggestion> suggest(String customerText, String channel) {
        if (customerText == null || customerText.isBlank()) {
            return List.of();
        }
        String text = customerText.length() > BotRequest.MAX_TEXT_LENGTH ? customerText.substring(0, BotRequest.MAX_TEXT_LENGTH) : customerText;
        Bot bot = holder.current().map(BotHolder.Current::bot).orElseThrow(() -> new NotReadyException(
                "no knowledge base is published yet"));
        BotRequest request = new BotRequest(text, channel, null, Instant.now());
        List<Suggestion> out = new ArrayList<>();
        double floor = bot.calibration().clarifyThreshold() * 0.5;
        for (Candidate c : bot.rank(bot.index().parse(text), request)) {
            if (out.size() >= MAX_SUGGESTIONS || c.probability() < floor) {
                break;
            }
            Faq f = c.faq();
            out.add(new Suggestion(f.id(), f.question(), f.answerFor(request.channel(), null), Math.round(c.probability() * 1000) / 1000.0));
        }
        return out;
    }

    /** The compliance check of an agent's draft: what would be rewritten or blocked, and why. */
    public ComplianceResult check(String draft) {
        return compliance.check(draft == null ? "" : draft);
    }
}
