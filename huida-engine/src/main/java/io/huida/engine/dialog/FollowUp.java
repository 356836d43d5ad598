package io.huida.engine.dialog;

import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.ReplyType;
import io.huida.engine.dialog.flow.Flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Understands a message that leans on the previous answer: "那3月份的呢" after a bill re-runs the bill flow with
 * the new month; "那要多久？" after a refund answer is asked again together with the refund question.
 */
final class FollowUp {

    private static final int MAX_CONTEXT = 300;

    private static final Map<String, String[]> NAMES = Map.of(
            "phone", new String[]{"联系电话", "phone number"}, "order_number", new String[]{"订单号", "order number"},
            "datetime", new String[]{"时间", "date"}, "location", new String[]{"地址", "place"},
            "email", new String[]{"邮箱", "e-mail"}, "money", new String[]{"金额", "amount"},
            "id_card", new String[]{"身份证号", "ID card number"}, "bank_card", new String[]{"银行卡号", "card number"});

    private FollowUp() {
    }

    /**
     * "那钱要多久能退回来？" after 退票手续费: of the candidates the message has on its own, the one in the previous
     * answer's category (航空/退改) is meant, when it is close enough to be offered as a choice at all.
     */
    private static Optional<BotReply> sameCategory(DialogEngine engine, TurnHandler turn, DialogRequest request, BotReply kb,
                                                   DialogContext ctx) {
        if (ctx.faqId() == null) {
            return Optional.empty();
        }
        var index = engine.bot().index();
        var previous = index.faq(ctx.faqId());
        if (previous == null || previous.category() == null || previous.category().isBlank()) {
            return Optional.empty();
        }
        double floor = kb.explanation().clarifyThreshold();
        List<BotReply.Choice> near = kb.candidates().stream()
                .filter(c -> c.faqId() != null && !c.faqId().equals(ctx.faqId()) && c.score() >= floor)
                .filter(c -> index.faq(c.faqId()) != null && previous.category().equals(index.faq(c.faqId()).category()))
                .toList();
        if (near.size() != 1) {
            return Optional.empty();
        }
        String id = near.get(0).faqId();
        String answer = engine.faqAnswer(id, request);
        turn.state = turn.state().withFailures(0).withContext(new DialogContext(request.text(), id, null, Map.of()));
        return Optional.of(Replies.of(kb, ReplyType.ANSWER, answer, id, null, null, List.of(), List.of(), null,
                "follow-up in the category of \"" + ctx.question() + "\": " + previous.category()));
    }

    /**
     * "不对，电话是…" after a flow filed a work order: the order's details are corrected (not a second order filed).
     */
    private static Optional<BotReply> amendWorkOrder(TurnHandler turn, Flow flow, Map<String, String> vars,
                                                    List<String> changed, Msg msg) {
        List<WorkOrder> orders = turn.state().workOrders();
        if (!Utterances.isCorrection(msg.text()) || orders.isEmpty()
                || !orders.get(orders.size() - 1).flowId().equals(flow.id())) {
            return Optional.empty();
        }
        WorkOrder last = orders.get(orders.size() - 1);
        Map<String, String> fields = new LinkedHashMap<>(last.fields());
        List<String> said = new java.util.ArrayList<>();
        for (String name : changed) {
            fields.put(name, turn.engine.options().masker().apply(vars.get(name)));
            var slot = flow.slot(name);
            String[] label = slot == null ? null : NAMES.get(slot.entity());
            said.add((label == null ? name : label[msg.zh() ? 0 : 1]) + (msg.zh() ? "更正为 " : " changed to ") + vars.get(name));
        }
        WorkOrder amended = new WorkOrder(last.id(), last.category(), last.title(), last.flowId(), fields, last.createdAt());
        List<WorkOrder> all = new java.util.ArrayList<>(orders.subList(0, orders.size() - 1));
        all.add(amended);
        turn.state = turn.state().withWorkOrders(all)
                .withContext(new DialogContext(turn.state().context().question(), null, flow.id(), vars));
        String text = msg.zh() ? "好的，已将工单 " + last.id() + " 的" + String.join("，", said) + "。"
                : "Done: in work order " + last.id() + ", " + String.join(", ", said) + ".";
        return Optional.of(turn.say(ReplyType.ANSWER, text, flow.id()));
    }

    static Optional<BotReply> resolve(DialogEngine engine, TurnHandler turn, DialogRequest request, BotReply kb, Msg msg) {
        DialogContext ctx = turn.state().context();
        boolean correction = Utterances.isCorrection(request.text());
        if (ctx == null || !Utterances.isFollowUp(request.text()) && !(correction && ctx.flowId() != null)
                || kb.type() == ReplyType.ANSWER && kb.confidence() >= DialogEngine.SWITCH_CONFIDENCE) {
            return Optional.empty();
        }
        if (ctx.flowId() != null) {
            Optional<Flow> flow = engine.flow(ctx.flowId());
            if (flow.isPresent()) {
                Map<String, String> vars = new LinkedHashMap<>(ctx.variables());
                List<String> changed = SlotFiller.prefill(flow.get(), msg, vars, null);
                if (!changed.isEmpty()) {
                    Optional<BotReply> amended = amendWorkOrder(turn, flow.get(), vars, changed, msg);
                    return amended.isPresent() ? amended : Optional.of(turn.rerun(flow.get(), ctx.variables()));
                }
            }
        }
        if (ctx.question() == null) {
            return Optional.empty();
        }
        Optional<BotReply> sameTopic = sameCategory(engine, turn, request, kb, ctx);
        if (sameTopic.isPresent()) {
            return sameTopic;
        }
        String previous = ctx.question().length() > MAX_CONTEXT ? ctx.question().substring(0, MAX_CONTEXT) : ctx.question();
        String combined = previous + " " + request.text();
        if (combined.length() > io.huida.engine.bot.BotRequest.MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        BotReply r = engine.ask(new DialogRequest(combined, request.channel(), request.customer(), request.now()));
        String id = r.type() == ReplyType.ANSWER ? r.faqId() : onlyPlausible(r);
        if (id == null || id.equals(ctx.faqId())) {
            return Optional.empty();
        }
        String text = r.type() == ReplyType.ANSWER ? r.text() : engine.faqAnswer(id, request);
        if (text == null) {
            return Optional.empty();
        }
        BotReply answer = Replies.of(kb, ReplyType.ANSWER, text, id, null, null, java.util.List.of(),
                java.util.List.of(), null, "follow-up of \"" + previous + "\": " + r.explanation().reason());
        turn.state = turn.state().withFailures(0).withContext(new DialogContext(combined, id, null, Map.of()));
        return Optional.of(answer);
    }

    /**
     * The FAQ of a CLARIFY reply to a follow-up asked together with the previous question when it is the only one that
     * reaches the clarify threshold: the conversation so far makes that reading likelier than it is for a message alone.
     */
    private static String onlyPlausible(BotReply r) {
        if (r.type() != ReplyType.CLARIFY) {
            return null;
        }
        double floor = r.explanation().clarifyThreshold();
        List<BotReply.Choice> plausible = r.candidates().stream().filter(c -> c.faqId() != null && c.score() >= floor).toList();
        return plausible.size() == 1 ? plausible.get(0).faqId() : null;
    }
}
