package io.huida.engine.dialog;

import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.ReplyType;

import java.util.List;

/** Builds the dialog's replies on top of the knowledge-base reply (which carries intent, entities and emotion). */
final class Replies {

    private Replies() {
    }

    static BotReply of(BotReply kb, ReplyType type, String text, String faqId, String flowId, String slot,
                       List<BotReply.Option> choices, List<BotReply.RiskFlag> risks, BotReply.Handoff handoff,
                       String reason) {
        BotReply.Explanation e = kb.explanation();
        BotReply.Explanation why = new BotReply.Explanation(e.normalizedText(), e.language(), e.matchedQuestion(),
                e.lexicalScore(), e.semanticScore(), e.answerThreshold(), e.clarifyThreshold(), reason);
        return new BotReply(type, text, faqId, kb.confidence(), kb.candidates(), why, kb.intent(), kb.entities(),
                kb.emotion(), flowId, slot, choices, risks, handoff, null);
    }
}
