package io.huida.engine.nlu.intent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Trains an {@link IntentClassifier} from labelled examples. A calibration fold comes first: part of the
 * examples are held out, and also some whole intents to play out-of-scope messages unless enough real
 * out-of-scope examples are given; a model trained on the rest fixes the softmax
 * temperature (least log-loss on the held-out examples) and the out-of-scope threshold (best balance of
 * held-out examples answered right and held-out intents plus any out-of-scope examples rejected). The
 * final model is then trained on everything.
 */
public final class IntentTrainer {

    /**
     * Training settings.
     *
     * @param epochs             passes over the examples (fewer for sets over 10,000 examples, at least two thirds)
     * @param learningRate       AdaGrad step size
     * @param l2                 L2 regularisation per step
     * @param maxSparseWeights   cap on n-gram weights (vocabulary × intents), bounding memory for many intents
     * @param heldOutFraction    share of examples and of intents held out in the calibration fold
     * @param rejectWeight       worth of rejecting an out-of-scope message relative to answering an in-scope one
     *                           right, when choosing the threshold: the expected odds of out-of-scope traffic
     *                           (0.15 ≈ one message in eight; chosen on the CLINC150 validation split)
     * @param seed               random seed; equal inputs and seed give an equal model
     */
    public record Settings(int epochs, double learningRate, double l2, long maxSparseWeights,
                           double heldOutFraction, double rejectWeight, long seed) {

        public Settings {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
            }
            if (l2 < 0) {
                throw new IllegalArgumentException("l2 must not be negative, got " + l2);
            }
            if (!(heldOutFraction > 0 && heldOutFraction < 0.5)) {
                throw new IllegalArgumentException("heldOutFraction must be in (0, 0.5), got " + heldOutFraction);
            }
            if (!(rejectWeight >= 0)) {
                throw new IllegalArgumentException("rejectWeight must not be negative, got " + rejectWeight);
            }
        }

        /** Settings that work across the public benchmarks and knowledge bases. */
        public static Settings defaults() {
            return new Settings(12, 0.1, 1e-5, 2_000_000L, 0.2, 0.15, 42L);
        }
    }

    /**
     * With fewer real out-of-scope examples than this, held-out intents stand in for them; with at least
     * this many they are trained as a class of their own (never reported as an intent).
     */
    static final int MIN_OUT_OF_SCOPE = 20;

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final IntentEncoder encoder;
    private final Settings settings;

    public IntentTrainer(IntentEncoder encoder, Settings settings) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Encodes and trains on raw examples; {@code outOfScope} are optional messages that match no intent. */
    public IntentClassifier train(List<IntentExample> examples, List<String> outOfScope) {
        List<EncodedText> encoded = encoder.encodeAll(examples.stream().map(IntentExample::text).toList());
        return trainEncoded(encoded, examples.stream().map(IntentExample::label).toList(), encoder.encodeAll(outOfScope));
    }

    /** Trains on already encoded examples (e.g. knowledge-base questions whose vectors are cached). */
    public IntentClassifier trainEncoded(List<EncodedText> texts, List<String> labels, List<EncodedText> outOfScope) {
        if (texts.size() != labels.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + labels.size() + " labels");
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("cannot train an intent model on 0 examples");
        }
        boolean pseudoOutOfScope = outOfScope.size() < MIN_OUT_OF_SCOPE;
        List<EncodedText> allTexts = texts;
        List<String> allLabels = labels;
        if (!pseudoOutOfScope) { // enough real out-of-scope messages: they become a class of their own
            allTexts = new ArrayList<>(texts);
            allTexts.addAll(outOfScope);
            allLabels = new ArrayList<>(labels);
            allLabels.addAll(java.util.Collections.nCopies(outOfScope.size(), IntentClassifier.OUT_OF_SCOPE));
        }
        Map<String, Integer> classIndex = new LinkedHashMap<>();
        for (String label : allLabels) {
            classIndex.putIfAbsent(label, classIndex.size());
        }
        List<String> classNames = new ArrayList<>(classIndex.keySet());
        List<NgramFeatures.Counts> grams = allTexts.parallelStream().map(t -> NgramFeatures.count(t.normalized())).toList();
        Fold fold = Fold.split(allLabels, classNames, settings.heldOutFraction(), pseudoOutOfScope,
                IntentClassifier.OUT_OF_SCOPE, new Random(settings.seed()));
        if (fold.isEmpty()) {
            return fit(allTexts, grams, allLabels, classNames, CORES).classifier(Calibration.NONE);
        }
        List<EncodedText> texts0 = allTexts;
        List<String> labels0 = allLabels;
        if (CORES == 1) {
            Calibration calibration = calibrate(texts0, grams, labels0, pseudoOutOfScope ? outOfScope : List.of(), fold, 1);
            return fit(texts0, grams, labels0, classNames, 1).classifier(calibration);
        }
        // the calibration fold's model and the final model are independent: fit them at the same time, each
        // on one thread, which keeps two cores busier than splitting every mini-batch between them
        java.util.concurrent.FutureTask<Calibration> calibrating = new java.util.concurrent.FutureTask<>(
                () -> calibrate(texts0, grams, labels0, pseudoOutOfScope ? outOfScope : List.of(), fold, 1));
        Thread thread = new Thread(calibrating, "huida-intent-calibration");
        thread.setDaemon(true);
        thread.start();
        Fitted fitted = fit(texts0, grams, labels0, classNames, Math.max(1, CORES - 1));
        try {
            return fitted.classifier(calibrating.get());
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training an intent model", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Calibration calibrate(List<EncodedText> texts, List<NgramFeatures.Counts> grams, List<String> labels,
                                  List<EncodedText> outOfScope, Fold fold, int threads) {
        List<EncodedText> trainTexts = new ArrayList<>();
        List<NgramFeatures.Counts> trainGrams = new ArrayList<>();
        List<String> trainLabels = new ArrayList<>();
        List<EncodedText> heldOut = new ArrayList<>(outOfScope);
        List<String> heldOutLabels = new ArrayList<>(java.util.Collections.nCopies(outOfScope.size(), (String) null));
        for (int i = 0; i < texts.size(); i++) {
            if (fold.role(i) == Fold.Role.TRAIN) {
                trainTexts.add(texts.get(i));
                trainGrams.add(grams.get(i));
                trainLabels.add(labels.get(i));
            } else {
                heldOut.add(texts.get(i));
                heldOutLabels.add(fold.role(i) == Fold.Role.HELD_OUT ? labels.get(i) : null);
            }
        }
        List<String> foldClasses = trainLabels.stream().distinct().toList();
        IntentClassifier probe = fit(trainTexts, trainGrams, trainLabels, foldClasses, threads).classifier(Calibration.NONE);
        Map<String, Integer> foldIndex = new java.util.HashMap<>();
        foldClasses.forEach(c -> foldIndex.put(c, foldIndex.size()));
        List<Calibration.Observation> observations = java.util.stream.IntStream.range(0, heldOut.size()).parallel()
                .mapToObj(i -> probe.observe(heldOut.get(i), heldOutLabels.get(i) == null ? -1 : foldIndex.get(heldOutLabels.get(i))))
                .toList();
        return Calibration.fit(observations, settings.rejectWeight());
    }

    private Fitted fit(List<EncodedText> texts, List<NgramFeatures.Counts> grams, List<String> labels, List<String> classNames,
                       int threads) {
        Map<String, Integer> index = new LinkedHashMap<>();
        classNames.forEach(c -> index.put(c, index.size()));
        int maxVocabulary = (int) Math.min(Integer.MAX_VALUE / 2, settings.maxSparseWeights() / Math.max(1, classNames.size()));
        int minDf = texts.size() >= 2_000 ? 2 : 1;
        NgramVocabulary vocabulary = NgramVocabulary.fit(grams, minDf, maxVocabulary);
        List<IntentFeatures> xs = java.util.stream.IntStream.range(0, texts.size()).parallel()
                .mapToObj(i -> vocabulary.features(grams.get(i), texts.get(i).language(), texts.get(i).vector())).toList();
        int[] ys = labels.stream().mapToInt(index::get).toArray();
        SoftmaxModel model = SoftmaxTrainer.train(xs, ys, classNames.size(), vocabulary.size(), settings, threads);
        return new Fitted(classNames, vocabulary, model, Prototypes.of(texts, ys, classNames.size()));
    }

    private final class Fitted {
        private final List<String> classes;
        private final NgramVocabulary vocabulary;
        private final SoftmaxModel model;
        private final Prototypes prototypes;

        Fitted(List<String> classes, NgramVocabulary vocabulary, SoftmaxModel model, Prototypes prototypes) {
            this.classes = classes;
            this.vocabulary = vocabulary;
            this.model = model;
            this.prototypes = prototypes;
        }

        IntentClassifier classifier(Calibration calibration) {
            return new IntentClassifier(encoder.embedderName(), classes, vocabulary, model, prototypes, calibration);
        }
    }
}
