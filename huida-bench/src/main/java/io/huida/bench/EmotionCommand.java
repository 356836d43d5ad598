package io.huida.bench;

import io.huida.engine.nlu.emotion.Emotion;
import io.huida.engine.nlu.emotion.EmotionDetector;
import io.huida.engine.nlu.emotion.EmotionLabel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code huida-bench emotion}: runs the emotion detector over a labelled {@code text<TAB>label} file and prints
 * macro-F1, accuracy, per-label precision and recall, and the detection latency.
 */
final class EmotionCommand {

    static final String DEFAULT_FILE = "huida-bench/data/emotion/test.tsv";
    private static final int TIMED_PASSES = 20;
    private static final EmotionLabel[] LABELS = EmotionLabel.values();

    private EmotionCommand() {
    }

    /** One labelled message and the line it came from. */
    record Example(int line, String text, EmotionLabel expected) {
    }

    /** Precision, recall and F1 of one label, and how many examples carry it. */
    record LabelScore(EmotionLabel label, double precision, double recall, double f1, int n) {
    }

    /** The scores of a run and the examples it got wrong, formatted for printing. */
    record Report(List<LabelScore> labels, double macroF1, double accuracy, List<String> misses) {
    }

    static void run(Args args) throws Exception {
        Path file = Path.of(args.get("file", DEFAULT_FILE));
        List<Example> examples = read(file);
        EmotionDetector detector = EmotionDetector.withBuiltInLexicon();
        Report report = evaluate(detector, examples);
        long[] nanos = latencies(detector, examples);
        StringBuilder perLabel = new StringBuilder();
        for (LabelScore s : report.labels()) {
            perLabel.append(perLabel.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "\"%s\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"n\":%d}", s.label().key(), s.precision(),
                    s.recall(), s.f1(), s.n()));
        }
        System.out.printf(Locale.ROOT, "{\"file\":\"%s\",\"n\":%d,\"macro_f1\":%.4f,\"accuracy\":%.4f,"
                        + "\"p50_micros\":%.1f,\"p99_micros\":%.1f,\"per_label\":{%s}}%n", file, examples.size(),
                report.macroF1(), report.accuracy(), nanos[nanos.length / 2] / 1e3,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e3, perLabel);
        for (LabelScore s : report.labels()) {
            System.out.printf(Locale.ROOT, "  %-10s precision %.3f  recall %.3f  (n=%d)%n", s.label().key(),
                    s.precision(), s.recall(), s.n());
        }
        if (args.has("misses")) {
            report.misses().forEach(System.out::println);
        }
    }

    /** Detects every example once and scores the labels against the expected ones. */
    static Report evaluate(EmotionDetector detector, List<Example> examples) {
        int[][] confusion = new int[LABELS.length][LABELS.length];
        List<String> misses = new ArrayList<>();
        for (Example ex : examples) {
            Emotion got = detector.detect(ex.text());
            confusion[ex.expected().ordinal()][got.label().ordinal()]++;
            if (got.label() != ex.expected()) {
                misses.add(String.format(Locale.ROOT, "  MISS line %d expected=%s got=%s (%.2f) %s %s", ex.line(),
                        ex.expected().key(), got.label().key(), got.intensity(), got.cues(), ex.text()));
            }
        }
        List<LabelScore> scores = new ArrayList<>();
        int correct = 0;
        for (EmotionLabel label : LABELS) {
            int k = label.ordinal();
            int tp = confusion[k][k];
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += row[k];
            }
            int actual = Arrays.stream(confusion[k]).sum();
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = actual == 0 ? 0 : (double) tp / actual;
            scores.add(new LabelScore(label, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), actual));
            correct += tp;
        }
        double macroF1 = scores.stream().mapToDouble(LabelScore::f1).average().orElse(0);
        return new Report(scores, macroF1, examples.isEmpty() ? 0 : (double) correct / examples.size(), misses);
    }

    /**
     * Reads {@code text<TAB>label} lines, skipping blank lines and {@code #} comments.
     *
     * @throws IllegalArgumentException naming the file and line when a line is malformed or the file is empty
     */
    static List<Example> read(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " must be 'text<TAB>label': " + line);
            }
            try {
                out.add(new Example(i + 1, line.substring(0, tab), EmotionLabel.parse(line.substring(tab + 1))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no labelled messages");
        }
        return out;
    }

    /** Nanoseconds per detection over {@value #TIMED_PASSES} passes, after as many warm-up passes; sorted. */
    private static long[] latencies(EmotionDetector detector, List<Example> examples) {
        for (int pass = 0; pass < TIMED_PASSES; pass++) {
            examples.forEach(ex -> detector.detect(ex.text()));
        }
        long[] nanos = new long[examples.size() * TIMED_PASSES];
        int i = 0;
        for (int pass = 0; pass < TIMED_PASSES; pass++) {
            for (Example ex : examples) {
                long t0 = System.nanoTime();
                detector.detect(ex.text());
                nanos[i++] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }
}
