package io.huida.engine.bot;

import io.huida.engine.kb.Faq;
import io.huida.engine.nlu.MessageAnalyzer;
import io.huida.engine.nlu.MessageSignals;
import io.huida.engine.nlu.RecognizedIntent;
import io.huida.engine.nlu.Understanding;
import io.huida.engine.nlu.intent.EncodedText;
import io.huida.engine.nlu.intent.IntentClassifier;
import io.huida.engine.nlu.intent.IntentPrediction;
import io.huida.engine.retrieval.Calibration;
import io.huida.engine.retrieval.Calibrator;
import io.huida.engine.retrieval.Candidate;
import io.huida.engine.retrieval.KnowledgeIndex;
import io.huida.engine.retrieval.ParsedQuery;
import io.huida.engine.retrieval.SpareCore;
import io.huida.engine.retrieval.TextPipeline;
import io.huida.engine.text.Language;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The engine's entry point for answering from a knowledge base: takes a customer message and returns an
 * ANSWER, a CLARIFY with choices or a FALLBACK, each with its reasons. One instance serves one published
 * knowledge-base version; it is immutable and thread-safe.
 */
public final class Bot {


    private final KnowledgeIndex index;
    private final Calibration calibration;
    private final BotMessages messages;
    private final IntentClassifier intents;
    private final MessageAnalyzer analyzer;

    /**
     * A bot over {@code index}.
     *
     * @param intents the knowledge base's intent model, or null (the retrieval's best FAQ then stands for the intent)
     */
    public Bot(KnowledgeIndex index, Calibration calibration, BotMessages messages, IntentClassifier intents) {
        this(index, calibration, messages, intents, MessageAnalyzer.defaults());
    }

    /** A bot over {@code index} whose entities and emotion come from {@code analyzer} (e.g. with the business's order patterns). */
    public Bot(KnowledgeIndex index, Calibration calibration, BotMessages messages, IntentClassifier intents,
               MessageAnalyzer analyzer) {
        this.index = Objects.requireNonNull(index, "index");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.intents = intents;
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /** Indexes {@code faqs}, calibrates on them, trains the intent model and returns a ready bot. */
    public static Bot build(List<Faq> faqs, TextPipeline pipeline, Calibrator calibrator,
                            BiConsumer<Integer, Integer> progress) {
        KnowledgeIndex index = KnowledgeIndex.build(faqs, pipeline, progress);
        return new Bot(index, calibrator.calibrate(index), BotMessages.defaults(), BotIntents.train(index).orElse(null));
    }

    /**
     * Indexes {@code faqs}, calibrates on them, trains the intent model on them plus {@code extraIntents} (e.g. the
     * triggers of dialog flows) and returns a ready bot.
     */
    public static Bot build(List<Faq> faqs, TextPipeline pipeline, Calibrator calibrator,
                            BiConsumer<Integer, Integer> progress, List<io.huida.engine.nlu.intent.IntentExample> extraIntents,
                            MessageAnalyzer analyzer) {
        KnowledgeIndex index = KnowledgeIndex.build(faqs, pipeline, progress);
        return new Bot(index, calibrator.calibrate(index), BotMessages.defaults(),
                BotIntents.train(index, extraIntents).orElse(null), analyzer);
    }

    /** The intent model, if the knowledge base has one. */
    public java.util.Optional<IntentClassifier> intents() {
        return java.util.Optional.ofNullable(intents);
    }

    /** The bot's fixed sentences (clarify, fallback) in both languages. */
    public BotMessages messages() {
        return messages;
    }

    /** The index this bot answers from. */
    public KnowledgeIndex index() {
        return index;
    }

    /** The calibration in use. */
    public Calibration calibration() {
        return calibration;
    }

    /** Answers one message. */
    public BotReply reply(BotRequest request) {
        // entities and emotion need only the text, and (with an intent model) the intent only the message's vector: a
        // spare core finds them while this thread embeds and ranks
        SpareCore.Pending<MessageSignals> signals = SpareCore.start(() -> analyzer.analyze(request.text(), request.now()));
        ParsedQuery query = index.parse(request.text());
        boolean zh = query.language() == Language.ZH;
        SpareCore.Pending<RecognizedIntent> modelIntent = intents == null ? null
                : SpareCore.start(() -> intent(query, List.of()));
        List<Candidate> ranked = rank(query, request);
        Understood u = new Understood(modelIntent != null ? modelIntent.join() : intent(query, ranked), signals.join());
        if (query.normalized().isEmpty() || ranked.isEmpty()) {
            return fallback(query, ranked, zh, "the message has no searchable words or the knowledge base is empty", u);
        }
        if (query.normalized().codePoints().noneMatch(Character::isLetter)) {
            // a bare number or code (an order number sent on its own) asks no question an FAQ could answer, and is in
            // no language: the reply is Chinese, the first language (a conversation keeps its own)
            return fallback(query, ranked, true, "the message has no words, only numbers or symbols", u);
        }
        Decision decision = Decision.of(ranked, calibration);
        Candidate top = ranked.get(0);
        return switch (decision.type()) {
            case ANSWER -> new BotReply(ReplyType.ANSWER, top.faq().answerFor(request.channel(), request.segment()),
                    top.faq().id(), top.probability(), choices(ranked), explain(query, top, decision.reason()),
                    u.intent(), u.signals().entities(), u.signals().detectedEmotion());
            case CLARIFY -> new BotReply(ReplyType.CLARIFY, zh ? messages.clarifyZh() : messages.clarifyEn(), null,
                    top.probability(), choices(decision.offered()), explain(query, top, decision.reason()),
                    u.intent(), u.signals().entities(), u.signals().detectedEmotion());
            default -> fallback(query, ranked, zh, decision.reason(), u); // the knowledge base decides only these three
        };
    }

    /** Understands one message without answering it: its intent, entities and emotion. */
    public Understanding understand(String text, Instant sentAt) {
        BotRequest request = new BotRequest(text, null, null, sentAt); // same limits as a message to the bot
        ParsedQuery query = index.parse(text);
        // the retrieval ranking only stands in for the intent when the knowledge base has no intent model
        List<Candidate> ranked = query.normalized().isEmpty() || intents != null ? List.of() : rank(query, request);
        MessageSignals signals = analyzer.analyze(text, sentAt);
        return new Understanding(intent(query, ranked), signals.entities(), signals.detectedEmotion(), signals.emotion());
    }

    /** The analyzer of entities and emotion (its emotion detector also judges conversation trends). */
    public MessageAnalyzer analyzer() {
        return analyzer;
    }

    private record Understood(RecognizedIntent intent, MessageSignals signals) {
    }

    /** The intent of a parsed message: the intent model's answer, else the retrieval's best FAQ if it clears the threshold. */
    public RecognizedIntent intent(ParsedQuery query, List<Candidate> ranked) {
        if (intents != null && !query.normalized().isEmpty()) {
            IntentPrediction p = intents.predict(new EncodedText(query.normalized(), query.language(), query.embedding()));
            return new RecognizedIntent(p.intent(), round(p.confidence()));
        }
        if (ranked.isEmpty()) {
            return new RecognizedIntent(null, 0);
        }
        Candidate top = ranked.get(0);
        boolean inScope = top.probability() >= calibration.answerThreshold();
        return new RecognizedIntent(inScope ? top.faq().id() : null, round(top.probability()));
    }

    /** All candidates for a message, scored and best first (for diagnostics and evaluation). */
    public List<Candidate> rank(ParsedQuery query, BotRequest request) {
        List<Candidate> candidates = index.candidates(query, request.now());
        double[] scores = calibration.scores(candidates.stream().map(Candidate::features).toList());
        List<Candidate> ranked = new ArrayList<>(candidates.size());
        for (int i = 0; i < scores.length; i++) {
            Candidate c = candidates.get(i);
            ranked.add(new Candidate(c.faq(), c.matchedQuestion(), c.features(), calibration.probability(c.faq().id(), scores[i])));
        }
        ranked.sort(Comparator.comparingDouble(Candidate::probability).reversed());
        return ranked;
    }

    private BotReply fallback(ParsedQuery query, List<Candidate> ranked, boolean zh, String reason, Understood u) {
        Candidate top = ranked.isEmpty() ? null : ranked.get(0);
        return new BotReply(ReplyType.FALLBACK, zh ? messages.fallbackZh() : messages.fallbackEn(), null,
                top == null ? 0 : top.probability(), choices(ranked), explain(query, top, reason),
                u.intent(), u.signals().entities(), u.signals().detectedEmotion());
    }

    private static List<BotReply.Choice> choices(List<Candidate> ranked) {
        List<BotReply.Choice> out = new ArrayList<>();
        for (Candidate c : ranked.subList(0, Math.min(Decision.MAX_CHOICES, ranked.size()))) {
            out.add(new BotReply.Choice(c.faq().id(), c.faq().question(), round(c.probability())));
        }
        return out;
    }

    private BotReply.Explanation explain(ParsedQuery query, Candidate top, String reason) {
        return new BotReply.Explanation(query.normalized(), query.language().name().toLowerCase(java.util.Locale.ROOT),
                top == null ? null : top.matchedQuestion(),
                top == null ? 0 : round(top.features().coverage()),
                top == null ? 0 : round(top.features().semantic()),
                round(calibration.answerThreshold()), round(calibration.clarifyThreshold()), reason);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
