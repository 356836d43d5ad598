package io.huida.engine.bot;

import io.huida.engine.nlu.intent.EncodedText;
import io.huida.engine.nlu.intent.IntentClassifier;
import io.huida.engine.nlu.intent.IntentEncoder;
import io.huida.engine.nlu.intent.IntentExample;
import io.huida.engine.nlu.intent.IntentTrainer;
import io.huida.engine.retrieval.KnowledgeIndex;
import io.huida.engine.retrieval.QuestionVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Trains the intent model of a knowledge base: every FAQ is an intent, its questions and similar questions
 * the examples, reusing the vectors the index already holds. Very large knowledge bases get none (their
 * training would take minutes); the bot then reports the retrieval's best FAQ as the intent.
 */
public final class BotIntents {

    /** Largest examples × intents the bot trains on at publish time (about ten seconds on two cores). */
    public static final long MAX_WORK = 1_500_000L;

    private BotIntents() {
    }

    /** Trains on {@code index}'s questions, or returns empty when there are too few FAQs or too many examples. */
    public static Optional<IntentClassifier> train(KnowledgeIndex index) {
        return train(index, List.of());
    }

    /**
     * Trains on {@code index}'s questions plus {@code extra} examples of intents that are not FAQs (e.g.
     * greetings or asking for a human agent), or returns empty when there are too few intents or too many
     * examples.
     *
     * @throws IllegalArgumentException when an extra intent has the name of an FAQ id
     */
    public static Optional<IntentClassifier> train(KnowledgeIndex index, List<IntentExample> extra) {
        List<QuestionVector> questions = index.questions();
        for (IntentExample e : extra) {
            if (index.faq(e.label()) != null) {
                throw new IllegalArgumentException("intent '" + e.label() + "' has the id of an FAQ; give it another name");
            }
        }
        List<String> labels = new ArrayList<>(questions.stream().map(QuestionVector::faqId).toList());
        extra.forEach(e -> labels.add(e.label()));
        long intents = labels.stream().distinct().count();
        if (intents < 2 || labels.size() * intents > MAX_WORK) {
            return Optional.empty();
        }
        IntentEncoder encoder = new IntentEncoder(index.pipeline().normalizer(), index.pipeline().embedder());
        List<EncodedText> texts = new ArrayList<>(questions.stream()
                .map(q -> new EncodedText(q.normalized(), q.language(), q.vector())).toList());
        texts.addAll(encoder.encodeAll(extra.stream().map(IntentExample::text).toList()));
        return Optional.of(new IntentTrainer(encoder, IntentTrainer.Settings.defaults()).trainEncoded(texts, labels, List.of()));
    }
}
