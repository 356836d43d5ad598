package io.huida.engine.dialog;

import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.ReplyType;
import io.huida.engine.dialog.flow.Flow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Understands a message that leans on the previous answer: "那3月份的呢" after a bill re-runs the bill flow with
 * the new month; "那要多久？" after a refund answer is asked again together with the refund question.
 */
final class FollowUp {

    private static final int MAX_CONTEXT = 300;

    private FollowUp() {
    }

    static Optional<BotReply> resolve(DialogEngine engine, TurnHandler turn, DialogRequest request, BotReply kb, Msg msg) {
        DialogContext ctx = turn.state().context();
        if (ctx == null || !Utterances.isFollowUp(request.text())
                || kb.type() == ReplyType.ANSWER && kb.confidence() >= DialogEngine.SWITCH_CONFIDENCE) {
            return Optional.empty();
        }
        if (ctx.flowId() != null) {
            Optional<Flow> flow = engine.flow(ctx.flowId());
            if (flow.isPresent()) {
                Map<String, String> vars = new LinkedHashMap<>(ctx.variables());
                if (!SlotFiller.prefill(flow.get(), msg, vars, null).isEmpty()) {
                    return Optional.of(turn.rerun(flow.get(), ctx.variables()));
                }
            }
        }
        if (ctx.question() == null) {
            return Optional.empty();
        }
        String previous = ctx.question().length() > MAX_CONTEXT ? ctx.question().substring(0, MAX_CONTEXT) : ctx.question();
        String combined = previous + " " + request.text();
        if (combined.length() > io.huida.engine.bot.BotRequest.MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        BotReply r = engine.ask(new DialogRequest(combined, request.channel(), request.customer(), request.now()));
        if (r.type() != ReplyType.ANSWER || r.faqId() == null || r.faqId().equals(ctx.faqId())) {
            return Optional.empty();
        }
        BotReply answer = Replies.of(kb, ReplyType.ANSWER, r.text(), r.faqId(), null, null, java.util.List.of(),
                java.util.List.of(), null, "follow-up of \"" + previous + "\": " + r.explanation().reason());
        turn.state = turn.state().withFailures(0).withContext(new DialogContext(combined, r.faqId(), null, Map.of()));
        return Optional.of(answer);
    }
}
