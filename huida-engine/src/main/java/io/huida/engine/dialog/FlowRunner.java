package io.huida.engine.dialog;

import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.ReplyType;
import io.huida.engine.dialog.flow.Flow;
import io.huida.engine.dialog.flow.Slot;
import io.huida.engine.dialog.flow.Step;
import io.huida.engine.dialog.flow.Templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs one flow: fills its slots from what the customer says (asking for what is missing, validating, taking
 * corrections), then runs its steps — answers, business calls, confirmations, work orders, handoffs.
 */
final class FlowRunner {

    private final FlowActions actions;
    private final DialogMessages messages;
    private final UnaryOperator<String> masker;

    FlowRunner(FlowActions actions, DialogMessages messages, UnaryOperator<String> masker) {
        this.actions = actions;
        this.messages = messages;
        this.masker = masker;
    }

    /**
     * What a flow turn produced.
     *
     * @param type      ASK_SLOT, ANSWER (flow finished) or HANDOFF
     * @param text      what the bot says
     * @param flow      the flow's state after the turn, or null when it ended
     * @param slot      the slot or confirmation asked for, or null
     * @param choices   the options of a choice slot or a confirmation
     * @param handoff   the handoff reason (HANDOFF only)
     * @param skill     the skill a handoff needs, or null
     * @param variables the variables at the end of the turn
     * @param created   work orders filed in the turn
     */
    record Outcome(ReplyType type, String text, ActiveFlow flow, String slot, List<BotReply.Option> choices,
                   String handoff, String skill, Map<String, String> variables, List<WorkOrder> created) {
    }

    /** Starts {@code flow} with whatever the triggering message already gives. */
    Outcome start(Flow flow, Msg msg, Customer customer) {
        Map<String, String> vars = new LinkedHashMap<>();
        if (customer.segment() != null) {
            vars.put("customer.segment", customer.segment());
        }
        vars.put("customer.vip", String.valueOf(customer.vip()));
        if (customer.name() != null) {
            vars.put("customer.name", customer.name());
        }
        if (customer.id() != null) {
            vars.put("customer.id", customer.id());
        }
        SlotFiller.prefill(flow, msg, vars, null);
        return advance(flow, new ActiveFlow(flow.id(), vars, null, 0, 0, msg.at()), vars, new ArrayList<>(), msg);
    }

    /**
     * Continues {@code active} with the customer's reply, or returns empty when the reply gives nothing the flow
     * can use (it may be another question; see {@link #retry}).
     *
     * @param allowText whether a free-text slot may take the reply as it is
     */
    Optional<Outcome> proceed(Flow flow, ActiveFlow active, Msg msg, boolean allowText) {
        Map<String, String> vars = new LinkedHashMap<>(active.variables());
        List<String> said = new ArrayList<>();
        Step.Confirm confirm = confirming(flow, active);
        if (confirm != null) {
            List<String> corrected = SlotFiller.prefill(flow, msg, vars, null);
            if (corrected.isEmpty() && Utterances.isCorrection(msg.text()) && !Utterances.isNo(msg.text())) {
                corrected = correctText(flow, vars, msg);
            }
            if (!corrected.isEmpty()) {
                return Optional.of(advance(flow, active.with(vars, null, 0, active.step(), msg.at()), vars, said, msg));
            }
            boolean yes = Utterances.isYes(msg.text());
            if (!yes && !Utterances.isNo(msg.text())) {
                return Optional.empty();
            }
            vars.put(confirm.variable(), yes ? "yes" : "no");
            if (!yes && confirm.declined() != null) {
                return Optional.of(ended(ReplyType.ANSWER, render(confirm.declined().in(msg.zh()), vars), vars, null, null,
                        List.of()));
            }
            return Optional.of(advance(flow, active.with(vars, null, 0, active.step() + 1, msg.at()), vars, said, msg));
        }
        Slot asked = active.asking() == null ? null : flow.slot(active.asking());
        if (asked == null) {
            return Optional.empty();
        }
        SlotFiller.Fill fill = asked.entity().equals(Slot.TEXT) && !allowText ? SlotFiller.Fill.NONE
                : SlotFiller.fill(asked, msg, true);
        List<String> others = SlotFiller.prefill(flow, msg, vars, asked.name());
        if (fill.found()) {
            vars.put(asked.name(), fill.value());
        } else if (!asked.required() && Utterances.isSkip(msg.text())) {
            vars.put(asked.name(), "");
        } else if (fill.invalid() && others.isEmpty()) {
            return Optional.of(retry(flow, active, msg.zh(), asked.invalid() == null ? null : asked.invalid().in(msg.zh())));
        } else if (others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(advance(flow, active.with(vars, null, 0, active.step(), msg.at()), vars, said, msg));
    }

    /** The reply did not fit: ask again (with the slot's invalid-value text), or hand over after too many tries. */
    Outcome retry(Flow flow, ActiveFlow active, boolean zh, String invalidText) {
        Map<String, String> vars = active.variables();
        Step.Confirm confirm = confirming(flow, active);
        Slot slot = active.asking() == null ? null : flow.slot(active.asking());
        int max = slot == null ? 2 : slot.maxRetries();
        if (active.retries() + 1 > max) {
            return ended(ReplyType.HANDOFF, messages.slotGaveUp().in(zh), vars, "slot_failed", null, List.of());
        }
        String again = confirm != null ? messages.yesNo().in(zh) + render(confirm.question().in(zh), vars)
                : (invalidText != null ? invalidText : messages.invalid().in(zh)) + render(slot.prompt().in(zh), vars);
        ActiveFlow next = new ActiveFlow(active.flowId(), vars, active.asking(), active.retries() + 1, active.step(),
                active.updatedAt());
        return new Outcome(ReplyType.ASK_SLOT, again, next, active.asking(),
                confirm != null ? yesNo(zh) : options(slot), null, null, vars, List.of());
    }

    /** Asks again for what {@code active} is waiting for (when a suspended flow is resumed). */
    Outcome reask(Flow flow, ActiveFlow active, Msg msg) {
        Map<String, String> vars = new LinkedHashMap<>(active.variables());
        return advance(flow, active.with(vars, null, active.retries(), active.step(), msg.at()), vars, new ArrayList<>(), msg);
    }

    private Outcome advance(Flow flow, ActiveFlow active, Map<String, String> vars, List<String> said, Msg msg) {
        boolean zh = msg.zh();
        for (Slot s : flow.slots()) {
            if (!vars.containsKey(s.name()) && s.when().test(vars)) {
                said.add(render(s.prompt().in(zh), vars));
                return new Outcome(ReplyType.ASK_SLOT, join(said), active.with(vars, s.name(), 0, active.step(), msg.at()),
                        s.name(), options(s), null, null, vars, List.of());
            }
        }
        List<WorkOrder> created = new ArrayList<>();
        List<Step> steps = flow.steps();
        for (int i = active.step(); i < steps.size(); i++) {
            Step step = steps.get(i);
            if (!step.when().test(vars)) {
                continue;
            }
            if (step instanceof Step.Answer a) {
                said.add(render(a.template().in(zh), vars));
            } else if (step instanceof Step.Http h) {
                FlowActions.StepCall call = actions.call(h, vars);
                if (!call.ok()) {
                    said.add(render(h.failure().in(zh), vars));
                    vars.put("failure", call.failure() == null ? "" : call.failure());
                    return ended(ReplyType.HANDOFF, join(said), vars, "business_call_failed", null, created);
                }
                vars.putAll(call.fields());
            } else if (step instanceof Step.Confirm c) {
                if (!vars.containsKey(c.variable())) {
                    said.add(render(c.question().in(zh), vars));
                    return new Outcome(ReplyType.ASK_SLOT, join(said), active.with(vars, c.variable(), 0, i, msg.at()),
                            c.variable(), yesNo(zh), null, null, vars, created);
                }
            } else if (step instanceof Step.Ticket t) {
                vars.put("ticket_id", file(flow, t, vars, msg, created));
                said.add(render(t.message().in(zh), vars));
            } else if (step instanceof Step.Handoff h) {
                said.add(render(h.message().in(zh), vars));
                return ended(ReplyType.HANDOFF, join(said), vars, h.reason(), h.skill(), created);
            }
        }
        return ended(ReplyType.ANSWER, join(said), vars, null, null, created);
    }

    private String file(Flow flow, Step.Ticket t, Map<String, String> vars, Msg msg, List<WorkOrder> created) {
        Map<String, String> masked = new LinkedHashMap<>();
        vars.forEach((k, v) -> masked.put(k, masker.apply(v)));
        WorkOrder draft = new WorkOrder(null, t.category(), masker.apply(render(t.title().in(msg.zh()), vars)),
                flow.id(), masked, msg.at());
        String id = actions.createWorkOrder(draft);
        created.add(new WorkOrder(id, draft.category(), draft.title(), flow.id(), masked, msg.at()));
        return id;
    }

    private static Outcome ended(ReplyType type, String text, Map<String, String> vars, String handoff, String skill,
                                 List<WorkOrder> created) {
        return new Outcome(type, text, null, null, List.of(), handoff, skill, vars, created);
    }

    /** The confirm step {@code active} is waiting on, or null. */
    private static Step.Confirm confirming(Flow flow, ActiveFlow active) {
        if (active.asking() == null || active.step() >= flow.steps().size()) {
            return null;
        }
        return flow.steps().get(active.step()) instanceof Step.Confirm c && c.variable().equals(active.asking()) ? c : null;
    }

    /** "不对，是…" while confirming: the latest free-text slot takes the corrected text. */
    private static List<String> correctText(Flow flow, Map<String, String> vars, Msg msg) {
        String value = Utterances.afterCorrection(msg.text());
        for (int i = flow.slots().size() - 1; i >= 0; i--) {
            Slot s = flow.slots().get(i);
            if (s.entity().equals(Slot.TEXT) && vars.containsKey(s.name()) && !value.isBlank()) {
                vars.put(s.name(), value);
                return List.of(s.name());
            }
        }
        return List.of();
    }

    private static List<BotReply.Option> options(Slot slot) {
        List<BotReply.Option> out = new ArrayList<>();
        if (slot != null) {
            for (String c : slot.choices()) {
                out.add(new BotReply.Option(out.size() + 1, c, "slot:" + slot.name()));
            }
        }
        return out;
    }

    private static List<BotReply.Option> yesNo(boolean zh) {
        return List.of(new BotReply.Option(1, zh ? "是" : "Yes", "yes"), new BotReply.Option(2, zh ? "否" : "No", "no"));
    }

    static String render(String template, Map<String, String> vars) {
        return Templates.render(template, vars);
    }

    private static String join(List<String> said) {
        return String.join("\n", said.stream().filter(s -> !s.isBlank()).toList());
    }
}
