package io.huida.engine.dialog;

import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.ReplyType;
import io.huida.engine.dialog.flow.Clarification;
import io.huida.engine.dialog.flow.Flow;
import io.huida.engine.nlu.emotion.EmotionLabel;
import io.huida.engine.nlu.emotion.EmotionTrend;
import io.huida.engine.safety.Risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One customer message worked through the dialog's rules, in order: handoff triggers (risk, asking for a
 * human, anger), the flow in progress (cancel, confirm, slot, correction, topic switch), a suspended flow to
 * resume, options to pick, a new flow or clarification, a follow-up of the previous answer, and finally the
 * knowledge base — with the failure and VIP rules of the handoff policy.
 */
final class TurnHandler {

    final DialogEngine engine;
    final DialogRequest request;
    final BotReply kb;
    final Msg msg;
    private final EmotionTrend trend;
    private final List<BotReply.RiskFlag> risks = new ArrayList<>();
    ConversationState state;

    TurnHandler(DialogEngine engine, DialogRequest request, BotReply kb, Msg msg, ConversationState state, EmotionTrend trend) {
        this.engine = engine;
        this.request = request;
        this.kb = kb;
        this.msg = msg;
        this.state = state;
        this.trend = trend;
    }

    BotReply run() {
        HandoffPolicy policy = engine.options().policy();
        List<Risk> found = engine.options().risks().detect(request.text());
        found.forEach(r -> risks.add(new BotReply.RiskFlag(r.type(), r.message())));
        Optional<Risk> urgent = found.stream().filter(r -> r.handoff() || policy.riskTypes().contains(r.type())).findFirst();
        if (urgent.isPresent()) {
            String notice = urgent.get().notice();
            boolean saysHandoff = notice.contains("转接") || notice.toLowerCase(java.util.Locale.ROOT).contains("agent");
            return handoff("risk", urgent.get().type(), null,
                    saysHandoff ? notice : notice + "\n" + engine.messages().handoff().in(msg.zh()));
        }
        BotReply reply = route(policy).withRisks(risks);
        List<String> notices = found.stream().map(Risk::notice).filter(n -> !n.isBlank() && !reply.text().contains(n)).toList();
        return notices.isEmpty() || reply.type() == ReplyType.HANDOFF ? reply
                : reply.withText(reply.text() + "\n" + String.join("\n", notices), reply.compliance());
    }

    private BotReply route(HandoffPolicy policy) {
        if (policy.asksForHuman(request.text())) {
            return handoff("customer_request", null, null, engine.messages().handoff().in(msg.zh()));
        }
        if (angry(policy)) {
            return handoff("anger", trend.current().name().toLowerCase(java.util.Locale.ROOT), null,
                    engine.messages().angry().in(msg.zh()));
        }
        if (state.flow() != null) {
            Optional<BotReply> r = inFlow();
            if (r.isPresent()) {
                return r.get();
            }
        }
        if (state.suspended() != null) {
            Optional<BotReply> r = resume();
            if (r.isPresent()) {
                return r.get();
            }
        }
        if (state.pending() != null) {
            Optional<BotReply> r = new OptionTurn(this).pick();
            if (r.isPresent()) {
                return r.get();
            }
        }
        return fresh();
    }

    private boolean angry(HandoffPolicy policy) {
        boolean hot = trend.current() == EmotionLabel.ANGRY && kb.emotion().intensity() >= policy.angerThreshold();
        return hot || policy.onEscalation() && trend.escalating() && trend.negativity() >= 0.5;
    }

    /** A message while a flow waits for a slot or a confirmation. */
    private Optional<BotReply> inFlow() {
        ActiveFlow active = state.flow();
        Flow flow = engine.flow(active.flowId()).orElseThrow();
        if (Utterances.isCancel(request.text()) && !confirmingNo(flow, active)) {
            state = state.withFlow(null);
            return Optional.of(say(ReplyType.ANSWER, engine.messages().cancelled().in(msg.zh()).replace("{flow}",
                    flow.name().in(msg.zh())), flow.id()));
        }
        Optional<FlowRunner.Outcome> o = engine.runner().proceed(flow, active, msg, false);
        if (o.isPresent()) {
            return Optional.of(apply(flow, o.get()));
        }
        String other = flowIntent();
        if (other != null && !other.equals(flow.id())) {
            state = state.withSuspended(active).withFlow(null);
            return Optional.of(startFlow(engine.flow(other).orElseThrow()));
        }
        // another question the knowledge base answers; a free-text slot (an address) needs a surer answer
        var asked = active.asking() == null ? null : flow.slot(active.asking());
        boolean freeText = asked == null || io.huida.engine.dialog.flow.Slot.TEXT.equals(asked.entity());
        boolean switching = kb.type() == ReplyType.ANSWER && (!freeText || kb.confidence() >= DialogEngine.SWITCH_CONFIDENCE);
        if (switching) {
            state = state.withSuspended(active).withFlow(null).withFailures(0)
                    .withContext(new DialogContext(request.text(), kb.faqId(), null, Map.of()));
            String offer = engine.messages().resumeOffer().in(msg.zh()).replace("{flow}", flow.name().in(msg.zh()));
            return Optional.of(from(kb, kb.text() + "\n" + offer));
        }
        o = engine.runner().proceed(flow, active, msg, true);
        return Optional.of(apply(flow, o.orElseGet(() -> engine.runner().retry(flow, active, msg.zh(), null))));
    }

    /** "不" while confirming is an answer, not a cancel. */
    private static boolean confirmingNo(Flow flow, ActiveFlow active) {
        return active.asking() != null && flow.slot(active.asking()) == null;
    }

    /** After another question interrupted a flow: "继续" resumes it, "不用了" drops it. */
    private Optional<BotReply> resume() {
        ActiveFlow sus = state.suspended();
        Flow flow = engine.flow(sus.flowId()).orElseThrow();
        if (Utterances.isYes(request.text())) {
            state = state.withSuspended(null);
            FlowRunner.Outcome o = engine.runner().reask(flow, sus, msg);
            BotReply r = apply(flow, o);
            String resumed = engine.messages().resumed().in(msg.zh()).replace("{flow}", flow.name().in(msg.zh()));
            return Optional.of(withText(r, resumed + "\n" + r.text()));
        }
        state = state.withSuspended(null);
        if (Utterances.isNo(request.text()) || Utterances.isCancel(request.text())) {
            return Optional.of(say(ReplyType.ANSWER, engine.messages().cancelled().in(msg.zh()).replace("{flow}",
                    flow.name().in(msg.zh())), flow.id()));
        }
        return Optional.empty();
    }

    /** A message with nothing pending: a flow, a clarification, a follow-up or the knowledge base. */
    BotReply fresh() {
        String flowId = flowIntent();
        if (flowId != null) {
            return startFlow(engine.flow(flowId).orElseThrow());
        }
        // a follow-up ("那钱要多久能退回来？") is read with the previous turn before it counts as ambiguous
        Optional<BotReply> follow = FollowUp.resolve(engine, this, request, kb, msg);
        if (follow.isPresent()) {
            return follow.get();
        }
        String name = kb.intent().name();
        // the knowledge base answering surer than the model finds the request ambiguous means it is specific
        boolean specific = kb.type() == ReplyType.ANSWER && kb.confidence() >= Math.max(0.9, kb.intent().confidence());
        if (name != null && name.startsWith(Clarification.INTENT_PREFIX) && !specific) {
            Optional<Clarification> c = engine.clarification(name.substring(Clarification.INTENT_PREFIX.length()));
            if (c.isPresent()) {
                return new OptionTurn(this).askClarification(c.get());
            }
        }
        if (kb.type() != ReplyType.ANSWER) { // small talk is no failure
            String said = Utterances.isGreeting(request.text()) ? engine.messages().greeting().in(msg.zh())
                    : Utterances.isThanks(request.text()) ? engine.messages().thanks().in(msg.zh())
                    : Utterances.isGoodbye(request.text()) ? engine.messages().goodbye().in(msg.zh()) : null;
            if (said != null) {
                state = state.withFailures(0);
                return Replies.of(kb, ReplyType.ANSWER, said, null, null, null, List.of(), risks, null, "small talk");
            }
        }
        return knowledgeBase(kb);
    }

    BotReply knowledgeBase(BotReply r) {
        if (r.type() == ReplyType.ANSWER) {
            state = state.withFailures(0).withContext(new DialogContext(request.text(), r.faqId(), null, Map.of()));
            return r;
        }
        int failures = state.failures() + 1;
        state = state.withFailures(failures);
        HandoffPolicy policy = engine.options().policy();
        if (policy.maxFailures() > 0 && failures >= policy.maxFailures()) {
            return handoff("repeated_failure", String.valueOf(failures), null, engine.messages().handoff().in(msg.zh()));
        }
        if (request.customer().vip() && !"never".equals(policy.vip())) {
            return handoff("vip", null, null, engine.messages().handoff().in(msg.zh()));
        }
        if (r.type() == ReplyType.CLARIFY) {
            state = state.withPending(new PendingChoice("kb", request.text(), r.choices(), 1));
        }
        return r;
    }

    private String flowIntent() {
        String name = kb.intent().name();
        if (name == null || !name.startsWith(Flow.INTENT_PREFIX)) {
            return null;
        }
        String id = name.substring(Flow.INTENT_PREFIX.length());
        return engine.flow(id).isPresent() ? id : null;
    }

    BotReply startFlow(Flow flow) {
        if (flow.risk() != null) {
            risks.add(new BotReply.RiskFlag(flow.risk(), flow.name().in(msg.zh())));
        }
        return apply(flow, engine.runner().start(flow, msg, request.customer()));
    }

    /** Re-runs a finished flow with the variables of its last run plus what this message changes. */
    BotReply rerun(Flow flow, Map<String, String> vars) {
        Map<String, String> v = new java.util.LinkedHashMap<>(vars);
        flow.steps().forEach(step -> {
            if (step instanceof io.huida.engine.dialog.flow.Step.Confirm c) {
                v.remove(c.variable());
            }
        });
        SlotFiller.prefill(flow, msg, v, null);
        return apply(flow, engine.runner().reask(flow, new ActiveFlow(flow.id(), v, null, 0, 0, msg.at()), msg));
    }

    private BotReply apply(Flow flow, FlowRunner.Outcome o) {
        state = state.withFlow(o.flow()).withFailures(0);
        for (WorkOrder w : o.created()) {
            state = state.withWorkOrder(w);
        }
        if (o.type() == ReplyType.HANDOFF) {
            boolean byStep = !o.handoff().equals("business_call_failed") && !o.handoff().equals("slot_failed");
            // a flow's own handoff step: reason code "flow", the step's reason as the detail
            return handoff(byStep ? "flow" : o.handoff(), byStep ? o.handoff() : o.variables().get("failure"), o.skill(),
                    o.text(), flow, o.variables());
        }
        String text = o.text();
        if (o.flow() == null) {
            state = state.withContext(new DialogContext(request.text(), null, flow.id(), o.variables()));
            if (state.suspended() != null) {
                Flow sus = engine.flow(state.suspended().flowId()).orElseThrow();
                text = text + "\n" + engine.messages().resumeOffer().in(msg.zh()).replace("{flow}", sus.name().in(msg.zh()));
            }
        }
        String why = o.type() == ReplyType.ASK_SLOT ? "flow " + flow.id() + " asks for " + o.slot()
                : "flow " + flow.id() + (o.flow() == null ? " finished" : " continues");
        return Replies.of(kb, o.type(), text, null, flow.id(), o.slot(), o.choices(), risks, null, why);
    }

    private BotReply handoff(String reason, String detail, String skill, String text) {
        ActiveFlow active = state.flow();
        Flow flow = active == null ? null : engine.flow(active.flowId()).orElse(null);
        return handoff(reason, detail, skill, text, flow, active == null ? Map.of() : active.variables());
    }

    private BotReply handoff(String reason, String detail, String skill, String text, Flow flow, Map<String, String> vars) {
        Map<String, String> facts = new java.util.LinkedHashMap<>(state.facts());
        facts.putAll(vars);
        ActiveFlow open = state.flow();
        String intent = kb.intent().name();
        var faq = intent == null ? null : engine.bot().index().faq(intent);
        if (faq != null) { // an FAQ id alone tells the agent nothing
            intent = intent + " " + faq.question();
        }
        HandoffSummary.Facts f = new HandoffSummary.Facts(reason, detail, request.customer(), state,
                intent, facts, trend, open == null ? null : flow, open, risks.stream().map(BotReply.RiskFlag::type).toList(), msg.zh());
        String built = HandoffSummary.build(f, engine.options().masker());
        String summary = engine.options().summarizer().summarize(HandoffSummary.transcript(state, msg.zh()), built, msg.zh())
                .filter(x -> !x.isBlank()).orElse(built);
        String why = HandoffSummary.reason(reason, msg.zh()) + ("flow".equals(reason) && detail != null ? "：" + detail : "");
        if (state.handedOff() != null && !"risk".equals(reason)) { // already waiting for an agent: no second speech
            text = engine.messages().waiting().in(msg.zh());
        }
        state = state.withHandedOff(reason).withFlow(null).withPending(null).withSuspended(null);
        return Replies.of(kb, ReplyType.HANDOFF, text, null, flow == null ? null : flow.id(), null, List.of(), risks,
                new BotReply.Handoff(reason, why, skill, engine.options().masker().apply(summary)), "handoff: " + why);
    }

    BotReply clarify(String question, List<BotReply.Option> options, String flowId) {
        return Replies.of(kb, ReplyType.CLARIFY, question, null, flowId, null, options, risks, null,
                "the request is ambiguous; " + options.size() + " options offered");
    }

    BotReply say(ReplyType type, String text, String flowId) {
        return say(type, text, flowId, null);
    }

    BotReply say(ReplyType type, String text, String flowId, String faqId) {
        return Replies.of(kb, type, text, faqId, flowId, null, List.of(), risks, null, kb.explanation().reason());
    }

    BotReply from(BotReply r, String text) {
        return withText(r, text);
    }

    private BotReply withText(BotReply r, String text) {
        return Replies.of(r, r.type(), text, r.faqId(), r.flowId(), r.slot(), r.choices(), risks, r.handoff(),
                r.explanation().reason());
    }

    ConversationState state() {
        return state;
    }
}
