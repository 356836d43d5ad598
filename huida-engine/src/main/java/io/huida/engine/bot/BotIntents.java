package io.huida.engine.bot;

import io.huida.engine.nlu.intent.EncodedText;
import io.huida.engine.nlu.intent.IntentClassifier;
import io.huida.engine.nlu.intent.IntentEncoder;
import io.huida.engine.nlu.intent.IntentTrainer;
import io.huida.engine.retrieval.KnowledgeIndex;
import io.huida.engine.retrieval.QuestionVector;

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
        List<QuestionVector> questions = index.questions();
        long intents = questions.stream().map(QuestionVector::faqId).distinct().count();
        if (intents < 2 || questions.size() * intents > MAX_WORK) {
            return Optional.empty();
        }
        IntentEncoder encoder = new IntentEncoder(index.pipeline().normalizer(), index.pipeline().embedder());
        List<EncodedText> texts = questions.stream()
                .map(q -> new EncodedText(q.normalized(), q.language(), q.vector())).toList();
        return Optional.of(new IntentTrainer(encoder, IntentTrainer.Settings.defaults())
                .trainEncoded(texts, questions.stream().map(QuestionVector::faqId).toList(), List.of()));
    }
}
