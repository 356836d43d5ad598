package io.huida.engine.dialog;

import io.huida.engine.bot.Bot;
import io.huida.engine.bot.BotMessages;
import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.ReplyType;
import io.huida.engine.dialog.flow.Clarification;
import io.huida.engine.dialog.flow.Flow;
import io.huida.engine.dialog.flow.FlowSet;
import io.huida.engine.kb.Faq;
import io.huida.engine.nlu.emotion.Emotion;
import io.huida.engine.nlu.emotion.EmotionLabel;
import io.huida.engine.nlu.emotion.EmotionTrend;
import io.huida.engine.safety.ComplianceAction;
import io.huida.engine.safety.ComplianceResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's entry point for conversations: takes a customer message and the conversation's state and returns
 * the reply with its reasons plus the next state. Around the knowledge-base {@link Bot} it runs flows (slot
 * filling, confirmations, business calls, work orders), clarification questions, follow-ups that lean on the
 * previous turn, and the handoff policy. Immutable and thread-safe; the caller keeps one conversation's messages
 * in order.
 */
public final class DialogEngine {

    /** Options left unpicked expire after this long. */
    static final Duration PENDING_EXPIRY = Duration.ofMinutes(30);
    /** A knowledge-base answer this sure interrupts a flow (the flow is offered to resume afterwards). */
    static final double SWITCH_CONFIDENCE = 0.8;

    private final Bot bot;
    private final FlowSet flows;
    private final DialogOptions options;
    private final DialogMessages messages = DialogMessages.defaults();
    private final FlowRunner runner;

    /** An engine over {@code bot}'s knowledge base and {@code flows} (whose triggers the bot's intent model knows). */
    public DialogEngine(Bot bot, FlowSet flows, DialogOptions options) {
        this.bot = Objects.requireNonNull(bot, "bot");
        this.flows = Objects.requireNonNull(flows, "flows");
        this.options = Objects.requireNonNull(options, "options");
        this.runner = new FlowRunner(options.actions(), messages, options.masker());
    }

    /** The knowledge-base bot. */
    public Bot bot() {
        return bot;
    }

    /** The flows. */
    public FlowSet flows() {
        return flows;
    }

    /** Answers one customer message of the conversation in {@code state}. */
    public DialogTurn reply(DialogRequest request, ConversationState state) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        BotReply kb = bot.reply(request.toBot());
        boolean zh = Languages.chinese(request.text(), state.language(), "zh".equals(kb.explanation().language()));
        Msg msg = new Msg(request.text(), zh, kb.entities(), request.now());
        Emotion emotion = new Emotion(EmotionLabel.parse(kb.emotion().label()), kb.emotion().intensity(), kb.emotion().cues());
        String language = Languages.tag(request.text(), state.language(), zh);
        ConversationState s = expire(state, request).withLanguage(language).withEmotion(emotion)
                .withTurn(new Turn(true, options.masker().apply(request.text()), kb.intent().name(), request.now()));
        Map<String, String> facts = new LinkedHashMap<>(s.facts());
        kb.entities().forEach(e -> facts.put(e.type(), options.masker().apply(e.text())));
        TurnHandler turn = new TurnHandler(this, request, kb, msg, s.withFacts(facts), EmotionTrend.of(s.emotions()));
        BotReply reply = inScript(comply(inLanguage(turn.run(), zh), zh), language);
        return new DialogTurn(reply, turn.state.withTurn(new Turn(false, options.masker().apply(reply.text()),
                reply.type().name(), request.now())));
    }

    /**
     * The knowledge base words its clarify and fallback sentences after the message alone; a reply of only digits
     * in a Chinese conversation still gets them in Chinese.
     */
    private BotReply inLanguage(BotReply reply, boolean zh) {
        BotMessages m = bot.messages();
        String text = reply.text();
        if (reply.type() == ReplyType.FALLBACK) {
            text = text.equals(m.fallbackZh()) || text.equals(m.fallbackEn()) ? (zh ? m.fallbackZh() : m.fallbackEn()) : text;
        } else if (reply.type() == ReplyType.CLARIFY) {
            text = text.equals(m.clarifyZh()) || text.equals(m.clarifyEn()) ? (zh ? m.clarifyZh() : m.clarifyEn()) : text;
        }
        return text.equals(reply.text()) ? reply : reply.withText(text, reply.compliance());
    }

    /** A customer who writes traditional Chinese is answered in traditional Chinese. */
    private static BotReply inScript(BotReply reply, String language) {
        if (!"zh-hant".equals(language)) {
            return reply;
        }
        List<BotReply.Option> choices = reply.choices().stream()
                .map(o -> new BotReply.Option(o.number(), Languages.inScript(o.label(), language), o.target())).toList();
        return new BotReply(reply.type(), Languages.inScript(reply.text(), language), reply.faqId(), reply.confidence(),
                reply.candidates(), reply.explanation(), reply.intent(), reply.entities(), reply.emotion(), reply.flowId(),
                reply.slot(), choices, reply.risks(), reply.handoff(), reply.compliance());
    }

    /** Every outgoing text passes the compliance rules: offending phrases rewritten, or the text withheld. */
    private BotReply comply(BotReply reply, boolean zh) {
        ComplianceResult check = options.compliance().check(reply.text());
        if (check.action() == ComplianceAction.ALLOW) {
            return reply;
        }
        BotReply.Compliance record = new BotReply.Compliance(check.action().name().toLowerCase(java.util.Locale.ROOT),
                check.violations().stream().map(v -> v.ruleId() + ": " + v.reason()).toList());
        return reply.withText(check.blocked() ? messages.withheld().in(zh) : check.text(), record);
    }

    private ConversationState expire(ConversationState s, DialogRequest request) {
        ActiveFlow f = s.flow();
        if (f != null && (flows.flow(f.flowId()).isEmpty()
                || f.updatedAt().plus(flows.flow(f.flowId()).get().expiry()).isBefore(request.now()))) {
            s = s.withFlow(null);
        }
        ActiveFlow sus = s.suspended();
        if (sus != null && (flows.flow(sus.flowId()).isEmpty()
                || sus.updatedAt().plus(flows.flow(sus.flowId()).get().expiry()).isBefore(request.now()))) {
            s = s.withSuspended(null);
        }
        if (s.pending() != null && s.transcript().isEmpty() == false
                && s.transcript().get(s.transcript().size() - 1).at().plus(PENDING_EXPIRY).isBefore(request.now())) {
            s = s.withPending(null);
        }
        return s;
    }

    DialogOptions options() {
        return options;
    }

    DialogMessages messages() {
        return messages;
    }

    FlowRunner runner() {
        return runner;
    }

    Optional<Flow> flow(String id) {
        return id == null ? Optional.empty() : flows.flow(id);
    }

    Optional<Clarification> clarification(String id) {
        return flows.clarification(id);
    }

    /** The answer of FAQ {@code id} for this request's channel and segment, or null. */
    String faqAnswer(String id, DialogRequest request) {
        Faq faq = bot.index().faq(id);
        return faq == null ? null : faq.answerFor(request.channel(), request.customer().segment());
    }

    BotReply ask(DialogRequest request) {
        return bot.reply(request.toBot());
    }

    static List<BotReply.Option> renumber(List<BotReply.Option> options) {
        List<BotReply.Option> out = new ArrayList<>();
        for (BotReply.Option o : options) {
            out.add(new BotReply.Option(out.size() + 1, o.label(), o.target()));
        }
        return out;
    }

    static boolean isReply(ReplyType t) {
        return t == ReplyType.ANSWER || t == ReplyType.ASK_SLOT;
    }
}
