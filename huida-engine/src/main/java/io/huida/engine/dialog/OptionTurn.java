package io.huida.engine.dialog;

import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.ReplyType;
import io.huida.engine.dialog.flow.Clarification;
import io.huida.engine.dialog.flow.Flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options within a turn: asking a clarification question, and working out which offered option the customer's
 * reply picks (by number, label, keyword, shared words, or, for knowledge-base options, by asking the first
 * question again together with the reply); several matches narrow the options instead of repeating them.
 */
final class OptionTurn {

    /** How many times likelier than every other option an option must be to be picked by ranking alone. */
    static final double CLEAR_PREFERENCE = 3;
    /** The least probability an option picked by ranking alone must have. */
    static final double MIN_PREFERENCE = 0.05;

    private final TurnHandler t;

    OptionTurn(TurnHandler turn) {
        this.t = turn;
    }

    /** A reply to offered options: by number, label or keyword; several matches narrow the options down. */
    Optional<BotReply> pick() {
        PendingChoice p = t.state.pending();
        List<String> labels = p.options().stream().map(BotReply.Option::label).toList();
        List<List<String>> keywords = p.options().stream().map(o -> keywords(p, o)).toList();
        List<Integer> picked = ChoiceMatcher.match(t.request.text(), labels, keywords);
        if (picked.isEmpty() && "kb".equals(p.source())) {
            picked = narrowByKnowledgeBase(p);
        }
        t.state = t.state.withPending(null);
        if (picked.size() == 1) {
            return Optional.of(choose(p, p.options().get(picked.get(0) - 1)));
        }
        if (picked.size() > 1 && picked.size() < p.options().size()) {
            List<BotReply.Option> narrowed = DialogEngine.renumber(picked.stream().map(i -> p.options().get(i - 1)).toList());
            t.state = t.state.withPending(new PendingChoice(p.source(), p.question(), narrowed, p.round() + 1));
            return Optional.of(t.clarify(t.engine.messages().narrow().in(t.msg.zh()), narrowed, null));
        }
        return Optional.empty();
    }

    /**
     * "我是说刚买的那个" after knowledge-base options: the question asked again together with the reply; the options
     * it still ranks are the ones the reply leaves (one of them alone picks it). When it ranks none of them confidently,
     * the option it clearly prefers to every other option ({@link #CLEAR_PREFERENCE} times as likely) is picked: the
     * customer chooses among the options, so only their order matters.
     */
    private List<Integer> narrowByKnowledgeBase(PendingChoice p) {
        String combined = p.question() + " " + t.request.text();
        if (combined.length() > io.huida.engine.bot.BotRequest.MAX_TEXT_LENGTH) {
            return List.of();
        }
        BotReply r = t.engine.ask(new DialogRequest(combined, t.request.channel(), t.request.customer(), t.request.now()));
        List<String> still = r.type() == ReplyType.ANSWER && r.faqId() != null ? List.of("faq:" + r.faqId())
                : r.type() == ReplyType.CLARIFY ? r.choices().stream().map(BotReply.Option::target).toList() : List.of();
        List<Integer> out = new ArrayList<>();
        for (BotReply.Option o : p.options()) {
            if (still.contains(o.target())) {
                out.add(o.number());
            }
        }
        return out.isEmpty() ? clearlyPreferred(p, r) : out;
    }

    /** The option the ranking of {@code r} clearly prefers to every other one, if any. */
    private static List<Integer> clearlyPreferred(PendingChoice p, BotReply r) {
        Map<String, Double> probability = new HashMap<>();
        r.candidates().forEach(c -> probability.put("faq:" + c.faqId(), c.score()));
        BotReply.Option best = null;
        double first = 0;
        double second = 0;
        for (BotReply.Option o : p.options()) {
            double q = probability.getOrDefault(o.target(), 0.0);
            if (q > first) {
                second = first;
                first = q;
                best = o;
            } else if (q > second) {
                second = q;
            }
        }
        return best != null && first >= MIN_PREFERENCE && first >= CLEAR_PREFERENCE * second ? List.of(best.number()) : List.of();
    }

    private List<String> keywords(PendingChoice p, BotReply.Option o) {
        if (!p.source().startsWith(Clarification.INTENT_PREFIX)) {
            return List.of();
        }
        return t.engine.clarification(p.source().substring(Clarification.INTENT_PREFIX.length()))
                .flatMap(c -> c.choices().stream().filter(ch -> ch.label().zh().equals(o.label()) || ch.label().en().equals(o.label())).findFirst())
                .map(Clarification.Choice::keywords).orElse(List.of());
    }

    private BotReply choose(PendingChoice p, BotReply.Option o) {
        String target = o.target();
        if (target.startsWith("faq:")) {
            String answer = t.engine.faqAnswer(target.substring(4), t.request);
            if (answer != null) {
                t.state = t.state.withFailures(0).withContext(new DialogContext(p.question(), target.substring(4), null, Map.of()));
                return t.say(ReplyType.ANSWER, answer, null, target.substring(4));
            }
        } else if (target.startsWith(Flow.INTENT_PREFIX)) {
            Optional<Flow> f = t.engine.flow(target.substring(Flow.INTENT_PREFIX.length()));
            if (f.isPresent()) {
                return t.startFlow(f.get());
            }
        } else if (target.startsWith("answer:")) {
            t.state = t.state.withFailures(0);
            return t.say(ReplyType.ANSWER, target.substring("answer:".length()), null);
        }
        return t.fresh();
    }

    BotReply askClarification(Clarification c) {
        List<BotReply.Option> options = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<List<String>> keywords = new ArrayList<>();
        for (Clarification.Choice ch : c.choices()) {
            String target = ch.flow() != null ? Flow.INTENT_PREFIX + ch.flow()
                    : ch.faq() != null ? "faq:" + ch.faq() : "answer:" + ch.answer().in(t.msg.zh());
            options.add(new BotReply.Option(options.size() + 1, ch.label().in(t.msg.zh()), target));
            labels.add(ch.label().in(t.msg.zh()));
            keywords.add(ch.keywords());
        }
        PendingChoice p = new PendingChoice(c.intent(), t.request.text(), options, 1);
        List<Integer> already = ChoiceMatcher.named(t.request.text(), labels, keywords);
        if (already.size() == 1 && !labels.isEmpty()) { // "查本月账单" is not ambiguous
            return choose(p, options.get(already.get(0) - 1));
        }
        t.state = t.state.withPending(p);
        return t.clarify(c.question().in(t.msg.zh()), options, null);
    }
}
