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
 * macro-F1, accuracy and per-label precision and recall.
 */
final class EmotionCommand {

    static final String DEFAULT_FILE = "huida-bench/data/emotion/test.tsv";
    private static final int TIMED_PASSES = 20;

    private EmotionCommand() {
    }

    /** One labelled message and the line it came from. */
    record Example(int line, String text, EmotionLabel expected) {
    }

    static void run(Args args) throws Exception {
        Path file = Path.of(args.get("file", DEFAULT_FILE));
        List<Example> examples = read(file);
        EmotionDetector detector = EmotionDetector.withBuiltInLexicon();
        EmotionLabel[] labels = EmotionLabel.values();
        int[][] confusion = new int[labels.length][labels.length];
        List<String> misses = new ArrayList<>();
        for (Example ex : examples) {
            Emotion got = detector.detect(ex.text());
            confusion[ex.expected().ordinal()][got.label().ordinal()]++;
            if (got.label() != ex.expected()) {
                misses.add(String.format(Locale.ROOT, "  MISS line %d expected=%s got=%s (%.2f) %s %s", ex.line(),
                        ex.expected().key(), got.label().key(), got.intensity(), got.cues(), ex.text()));
            }
        }
        long[] nanos = latencies(detector, examples);
        StringBuilder perLabel = new StringBuilder();
        double f1Sum = 0;
        int correct = 0;
        for (EmotionLabel label : labels) {
            int k = label.ordinal();
            int tp = confusion[k][k];
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < labels.length; j++) {
                predicted += confusion[j][k];
                actual += confusion[k][j];
            }
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = actual == 0 ? 0 : (double) tp / actual;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            f1Sum += f1;
            correct += tp;
            perLabel.append(perLabel.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "\"%s\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"n\":%d}", label.key(), p, r, f1, actual));
        }
        int n = examples.size();
        System.out.printf(Locale.ROOT, "{\"file\":\"%s\",\"n\":%d,\"macro_f1\":%.4f,\"accuracy\":%.4f,"
                        + "\"p50_micros\":%.1f,\"p99_micros\":%.1f,\"per_label\":{%s}}%n", file, n,
                f1Sum / labels.length, (double) correct / n, nanos[nanos.length / 2] / 1e3,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e3, perLabel);
        for (EmotionLabel label : labels) {
            int k = label.ordinal();
            System.out.printf(Locale.ROOT, "  %-10s precision %.3f  recall %.3f%n", label.key(),
                    ratio(confusion[k][k], column(confusion, k)), ratio(confusion[k][k], Arrays.stream(confusion[k]).sum()));
        }
        if (args.has("misses")) {
            misses.forEach(System.out::println);
        }
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

    private static int column(int[][] confusion, int k) {
        int sum = 0;
        for (int[] row : confusion) {
            sum += row[k];
        }
        return sum;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
