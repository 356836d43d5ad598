package io.huida.bench;

import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.nlu.intent.EncodedText;
import io.huida.engine.nlu.intent.IntentClassifier;
import io.huida.engine.nlu.intent.IntentEncoder;
import io.huida.engine.nlu.intent.IntentExample;
import io.huida.engine.nlu.intent.IntentPrediction;
import io.huida.engine.nlu.intent.IntentTrainer;
import io.huida.engine.text.TextNormalizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code huida-bench intent}: trains the engine's intent model on a public dataset's training split (or a
 * TSV file) and prints the test-split figures as one JSON line. Out-of-scope training rows only help pick
 * the threshold; the threshold itself is chosen by the trainer's cross-validation, never on the test split.
 * Besides wall-clock seconds it reports the process CPU seconds of embedding and fitting, which vary less
 * on a shared machine.
 */
final class IntentCommand {

    private IntentCommand() {
    }

    static void run(Args args) throws Exception {
        IntentDatasets.Splits splits = args.values().containsKey("train")
                ? new IntentDatasets.Splits(Path.of(args.require("train")).getFileName().toString(),
                        IntentDatasets.tsv(Path.of(args.require("train"))), List.of(), IntentDatasets.tsv(Path.of(args.require("test"))))
                : IntentDatasets.load(args.require("dataset"), Path.of(args.get("data-dir", "../shared/datasets")));
        if ("valid".equals(args.get("split", "test")) && splits.valid().isEmpty()) {
            splits = carveValidation(splits);
        }
        List<IntentExample> evaluated = "valid".equals(args.get("split", "test")) ? splits.valid() : splits.test();
        if (evaluated.isEmpty()) {
            throw new IllegalArgumentException("dataset " + splits.name() + " has no " + args.get("split", "test") + " split");
        }
        CachingEmbedder embedder = new CachingEmbedder(new BgeEmbedder());
        Path cache = args.values().containsKey("cache") ? Path.of(args.get("cache", "")) : null;
        if (cache != null) {
            embedder.load(cache);
        }
        IntentEncoder encoder = new IntentEncoder(new TextNormalizer(), embedder);
        IntentTrainer.Settings d = IntentTrainer.Settings.defaults();
        IntentTrainer.Settings settings = new IntentTrainer.Settings(Integer.parseInt(args.get("epochs", "" + d.epochs())),
                Double.parseDouble(args.get("lr", "" + d.learningRate())), Double.parseDouble(args.get("l2", "" + d.l2())),
                Long.parseLong(args.get("max-sparse", "" + d.maxSparseWeights())), d.heldOutFraction(), Double.parseDouble(args.get("reject-weight", "" + d.rejectWeight())), d.seed());

        List<IntentExample> train = splits.train().stream().filter(e -> !IntentDatasets.OOS.equals(e.label())).toList();
        List<String> oosTrain = splits.train().stream().filter(e -> IntentDatasets.OOS.equals(e.label())).map(IntentExample::text).toList();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<EncodedText> encodedTrain = encoder.encodeAll(train.stream().map(IntentExample::text).toList());
        List<EncodedText> encodedOos = encoder.encodeAll(oosTrain);
        long t1 = System.nanoTime();
        long c1 = os.getProcessCpuTime();
        IntentClassifier model = new IntentTrainer(encoder, settings)
                .trainEncoded(encodedTrain, train.stream().map(IntentExample::label).toList(), encodedOos);
        long t2 = System.nanoTime();
        long c2 = os.getProcessCpuTime();
        System.err.println("calibration: " + model.describeCalibration());

        List<EncodedText> encodedTest = encoder.encodeAll(evaluated.stream().map(IntentExample::text).toList());
        if (cache != null) {
            embedder.save(cache);
        }
        boolean openSet = evaluated.stream().anyMatch(e -> IntentDatasets.OOS.equals(e.label())) && !args.has("no-oos");
        double threshold = openSet ? model.threshold() : 0; // closed-set data: every message has an intent
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        double[] millis = new double[encodedTest.size()];
        for (int i = 0; i < encodedTest.size(); i++) {
            long s = System.nanoTime();
            IntentPrediction p = model.predict(encodedTest.get(i), threshold);
            millis[i] = (System.nanoTime() - s) / 1e6;
            gold.add(evaluated.get(i).label());
            predicted.add(p.inScope() ? p.intent() : IntentDatasets.OOS);
            if (args.has("misses") && !gold.get(i).equals(predicted.get(i))) {
                System.err.printf(Locale.ROOT, "%s\t%s\t%s\t%.3f%n", evaluated.get(i).text(), gold.get(i), predicted.get(i), p.confidence());
            }
        }
        if (args.values().containsKey("dump")) {
            dump(Path.of(args.get("dump", "")), model, encodedTest, gold);
        }
        boolean identical = reloadsIdentically(model, encoder, encodedTest);
        IntentScores s = IntentScores.of(gold, predicted);
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "{\"dataset\":\"%s\",\"split\":\"%s\",\"train_examples\":%d,\"test_examples\":%d,"
                        + "\"accuracy\":%.2f,\"macro_f1\":%.2f,\"in_scope_accuracy\":%.2f,\"oos_recall\":%.2f,\"oos_precision\":%.2f,"
                        + "\"oos_detection\":%b,\"threshold\":%.4f,\"train_seconds\":%.2f,\"embed_seconds\":%.2f,\"fit_seconds\":%.2f,"
                        + "\"embed_cpu_seconds\":%.2f,\"fit_cpu_seconds\":%.2f,"
                        + "\"predict_p50_ms\":%.3f,\"predict_p99_ms\":%.3f,\"reload_identical\":%b}%n",
                splits.name(), args.get("split", "test"), train.size() + oosTrain.size(), evaluated.size(),
                s.accuracy(), s.macroF1(), s.inScopeAccuracy(), s.oosRecall(), s.oosPrecision(), openSet, threshold,
                (t2 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (c1 - c0) / 1e9, (c2 - c1) / 1e9,
                LatencyCommand.percentile(millis, 50), LatencyCommand.percentile(millis, 99), identical);
    }

    /** Writes per-message evidence (top intents with probability and nearest-example cosine) for analysis. */
    private static void dump(Path file, IntentClassifier model, List<EncodedText> test, List<String> gold) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            StringBuilder line = new StringBuilder(gold.get(i));
            for (String[] e : model.evidence(test.get(i))) {
                line.append('\t').append(String.join("|", e));
            }
            lines.add(line.toString());
        }
        Files.write(file, lines);
    }

    /** For datasets without a validation split: every tenth training example becomes validation. */
    private static IntentDatasets.Splits carveValidation(IntentDatasets.Splits splits) {
        List<IntentExample> train = new ArrayList<>();
        List<IntentExample> valid = new ArrayList<>();
        for (int i = 0; i < splits.train().size(); i++) {
            (i % 10 == 9 ? valid : train).add(splits.train().get(i));
        }
        return new IntentDatasets.Splits(splits.name(), train, valid, splits.test());
    }

    private static boolean reloadsIdentically(IntentClassifier model, IntentEncoder encoder, List<EncodedText> texts) throws Exception {
        Path file = Files.createTempFile("huida-intent", ".bin");
        try {
            model.save(file);
            IntentClassifier reloaded = IntentClassifier.load(file, encoder.embedderName());
            for (EncodedText t : texts.subList(0, Math.min(500, texts.size()))) {
                if (!model.predict(t).equals(reloaded.predict(t))) {
                    return false;
                }
            }
            return true;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
