package io.huida.bench;

import io.huida.engine.nlu.match.CharIdf;
import io.huida.engine.nlu.match.PairEvidence;
import io.huida.engine.nlu.match.ParticleWords;
import io.huida.engine.nlu.match.QuestionSimilarity;
import io.huida.engine.nlu.match.SimilarityWeights;
import io.huida.engine.retrieval.LogisticRegression;
import io.huida.engine.text.TextNormalizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code huida-bench match}: question-matching figures on the public Chinese pair datasets or a TSV file.
 * Prints, per dataset and split, Spearman ×100 of the bare bge-small-zh cosine of the raw sentences and of
 * the system's {@link QuestionSimilarity}, and accuracy at the thresholds that are best on the valid split
 * (for {@code --file}: each of 5 folds at the threshold picked on the other 4). The system's weights are
 * fitted once on the concatenated valid splits of the training datasets ({@code --train}, default
 * BQ, LCQMC and ATEC) with one intercept per dataset; the test splits are never used for fitting.
 */
final class MatchCommand {

    private static final List<String> DEFAULT_TRAIN = List.of("BQ", "LCQMC", "ATEC");
    private static final double L2 = 1e-4;
    /** A particle word (花呗) must occur inside at least this many training sentences. */
    private static final int PARTICLE_MIN_TEXTS = 5;

    private MatchCommand() {
    }

    /** What the system's scores need, all fitted on valid splits: idf, particle words and weights. */
    record Model(CharIdf idf, ParticleWords particles, SimilarityWeights weights) {
    }

    static void run(Args args) {
        Path dataDir = Path.of(args.get("data-dir", "../shared/datasets"));
        int limit = Integer.parseInt(args.get("limit", String.valueOf(Integer.MAX_VALUE)));
        boolean bareOnly = args.has("bare");
        TextNormalizer normalizer = new TextNormalizer();
        List<String> train = args.values().containsKey("train")
                ? List.of(args.require("train").split(",")).stream().map(MatchPairs::datasetName).toList() : DEFAULT_TRAIN;
        Model model = bareOnly ? null : train(dataDir, train, limit, normalizer);
        if (args.values().containsKey("file")) {
            runFile(Path.of(args.require("file")), limit, normalizer, model);
            return;
        }
        List<String> names = args.values().containsKey("dataset")
                ? List.of(args.require("dataset").split(",")).stream().map(MatchPairs::datasetName).toList()
                : MatchPairs.DATASETS;
        for (String name : names) {
            long start = System.nanoTime();
            MatchPairs valid = MatchPairs.dataset(dataDir, name, "valid", limit);
            MatchPairs test = MatchPairs.dataset(dataDir, name, "test", limit);
            List<MatchScores> scores = MatchScores.of(name, List.of(valid, test), normalizer, model);
            double[] validSystem = system(scores.get(0), model);
            boolean binary = valid.binary() && test.binary();
            double thresholdBare = binary ? MatchMetrics.bestThreshold(scores.get(0).bare(), valid.labels()) : Double.NaN;
            double thresholdSystem = binary && model != null
                    ? MatchMetrics.bestThreshold(validSystem, valid.labels()) : Double.NaN;
            for (MatchScores s : scores) {
                double[] system = s == scores.get(0) ? validSystem : system(s, model);
                double[] labels = s.labels();
                print(name, s == scores.get(0) ? "valid" : "test", s.pairs().pairs().size(),
                        MatchMetrics.spearman100(s.bare(), labels),
                        system == null ? Double.NaN : MatchMetrics.spearman100(system, labels),
                        binary ? MatchMetrics.accuracy(s.bare(), labels, thresholdBare) : Double.NaN,
                        binary && system != null ? MatchMetrics.accuracy(system, labels, thresholdSystem) : Double.NaN,
                        thresholdBare, thresholdSystem, bareOnly, start);
            }
        }
    }

    /** Fits the particle words, idf and weights on the valid splits of {@code train}. */
    private static Model train(Path dataDir, List<String> train, int limit, TextNormalizer normalizer) {
        Map<String, MatchPairs> trainValid = new LinkedHashMap<>();
        LinkedHashSet<String> trainTexts = new LinkedHashSet<>();
        for (String name : train) {
            MatchPairs valid = MatchPairs.dataset(dataDir, name, "valid", limit);
            trainValid.put(name, valid);
            trainTexts.addAll(valid.sentences());
        }
        ParticleWords particles = ParticleWords.fit(trainTexts, PARTICLE_MIN_TEXTS);
        CharIdf idf = CharIdf.fit(trainTexts.stream().map(s -> particles.restore(s, normalizer.normalize(s))).toList());
        Model unweighted = new Model(idf, particles, null);
        List<PairEvidence> evidence = new ArrayList<>();
        List<Boolean> same = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String name : train) {
            long start = System.nanoTime();
            MatchScores valid = MatchScores.of(name, List.of(trainValid.get(name)), normalizer, unweighted).get(0);
            evidence.addAll(valid.evidence());
            for (double label : valid.labels()) {
                same.add(label == 1);
                sources.add(name);
            }
            System.err.printf(Locale.ROOT, "[match] %s valid evidence in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        }
        SimilarityWeights weights = SimilarityWeights.fit(evidence, same, sources, L2);
        System.err.println("[match] trained on the valid splits of " + train + " (" + evidence.size() + " pairs, "
                + idf.documents() + " idf texts, particle words " + particles.words() + "): " + weights.toSource());
        return new Model(idf, particles, weights);
    }

    private static void runFile(Path file, int limit, TextNormalizer normalizer, Model model) {
        long start = System.nanoTime();
        MatchPairs pairs = MatchPairs.read(file, file.getFileName().toString(), limit);
        MatchScores scores = MatchScores.of("file-" + file.toAbsolutePath().toString().hashCode(), List.of(pairs),
                normalizer, model).get(0);
        double[] system = system(scores, model);
        double[] labels = scores.labels();
        boolean binary = pairs.binary() && pairs.pairs().size() >= 5;
        MatchMetrics.CrossValidated bare = binary ? MatchMetrics.crossValidatedAccuracy(scores.bare(), labels, 5) : null;
        MatchMetrics.CrossValidated sys = binary && system != null ? MatchMetrics.crossValidatedAccuracy(system, labels, 5) : null;
        System.err.println("[match] " + file + ": accuracy by 5-fold cross-validation on the file itself"
                + " (thresholds are the mean of the fold thresholds)");
        print(pairs.name(), "file", pairs.pairs().size(), MatchMetrics.spearman100(scores.bare(), labels),
                system == null ? Double.NaN : MatchMetrics.spearman100(system, labels),
                bare == null ? Double.NaN : bare.accuracy(), sys == null ? Double.NaN : sys.accuracy(),
                bare == null ? Double.NaN : bare.meanThreshold(), sys == null ? Double.NaN : sys.meanThreshold(),
                model == null, start);
    }

    /** The system's score per pair, or null when only bare figures are computed. */
    private static double[] system(MatchScores scores, Model model) {
        if (model == null) {
            return null;
        }
        SimilarityWeights weights = model.weights();
        double[] out = new double[scores.evidence().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = LogisticRegression.sigmoid(weights.logit(scores.evidence().get(i))); // QuestionSimilarity#score
        }
        return out;
    }

    private static void print(String dataset, String split, int pairs, double bareSpearman, double systemSpearman,
                              double bareAccuracy, double systemAccuracy, double thresholdBare, double thresholdSystem,
                              boolean bareOnly, long start) {
        StringBuilder json = new StringBuilder();
        json.append("{\"dataset\":\"").append(dataset).append("\",\"split\":\"").append(split)
                .append("\",\"pairs\":").append(pairs)
                .append(",\"bare_spearman\":").append(num(bareSpearman, 2));
        if (!bareOnly) {
            json.append(",\"system_spearman\":").append(num(systemSpearman, 2));
        }
        json.append(",\"bare_accuracy\":").append(num(100 * bareAccuracy, 2));
        if (!bareOnly) {
            json.append(",\"system_accuracy\":").append(num(100 * systemAccuracy, 2));
        }
        json.append(",\"threshold_bare\":").append(num(thresholdBare, 4));
        if (!bareOnly) {
            json.append(",\"threshold_system\":").append(num(thresholdSystem, 4));
        }
        json.append(",\"seconds\":").append(num((System.nanoTime() - start) / 1e9, 1)).append('}');
        System.out.println(json);
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
