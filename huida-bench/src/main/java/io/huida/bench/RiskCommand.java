package io.huida.bench;

import io.huida.engine.safety.Risk;
import io.huida.engine.safety.RiskDetector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code huida-bench risk}: runs the risk detector over a labelled {@code text<TAB>types} file (types
 * comma-separated, or {@code none}) and prints per-type precision and recall, exact-set accuracy, the false-alarm
 * rate on messages without risk, and latency; then the cost of masking personal data in a log line carrying each
 * message.
 */
final class RiskCommand {

    static final String DEFAULT_FILE = "huida-bench/data/risk/test.tsv";
    private static final String NONE = "none";

    private RiskCommand() {
    }

    /** One labelled message. */
    record Example(int line, String text, Set<String> expected) {
    }

    /** Precision and recall of one type, and how many examples carry it. */
    record TypeScore(String type, double precision, double recall, int n) {
    }

    /** The scores of a run and the examples it got wrong. */
    record Report(List<TypeScore> types, double accuracy, double falseAlarmRate, int negatives, List<String> misses) {
    }

    static void run(Args args) throws Exception {
        Path file = Path.of(args.get("file", DEFAULT_FILE));
        List<Example> examples = read(file);
        RiskDetector detector = RiskDetector.withBuiltInTable();
        Report report = evaluate(detector, examples);
        long[] nanos = LabelledRows.latencies(examples, 20, ex -> detector.detect(ex.text()));
        System.out.printf(Locale.ROOT, "risk %s: n=%d accuracy %.3f  false alarms on %d negatives %.3f  "
                        + "p50 %.1f µs  p99 %.1f µs%n", file, examples.size(), report.accuracy(), report.negatives(),
                report.falseAlarmRate(), LabelledRows.micros(nanos, 0.5), LabelledRows.micros(nanos, 0.99));
        // the same messages as log lines through the PII masker every log line passes (the logback converter)
        io.huida.engine.safety.PiiMasker masker = new io.huida.engine.safety.PiiMasker();
        long[] masking = LabelledRows.latencies(examples, 20, ex -> masker.mask(
                "2026-11-22 10:30:15.123 INFO 4242 --- [nio-8080-exec-1] i.h.s.c.ConversationService : session 8f3a: \""
                        + ex.text() + "\" -> ANSWER"));
        System.out.printf(Locale.ROOT, "pii masking per log line: p50 %.1f µs  p99 %.1f µs%n",
                LabelledRows.micros(masking, 0.5), LabelledRows.micros(masking, 0.99));
        for (TypeScore s : report.types()) {
            System.out.printf(Locale.ROOT, "  %-22s precision %.3f  recall %.3f  (n=%d)%n", s.type(), s.precision(),
                    s.recall(), s.n());
        }
        if (args.has("misses")) {
            report.misses().forEach(System.out::println);
        }
    }

    static List<Example> read(Path file) throws Exception {
        List<Example> out = new ArrayList<>();
        for (LabelledRows.Row row : LabelledRows.read(file, 2, "text<TAB>types|none")) {
            Set<String> types = new TreeSet<>();
            for (String t : row.cells().get(1).split(",")) {
                String type = t.strip().toLowerCase(Locale.ROOT);
                if (type.isEmpty()) {
                    throw new IllegalArgumentException(file + " line " + row.line() + ": empty risk type");
                }
                types.add(type);
            }
            if (types.contains(NONE) && types.size() > 1) {
                throw new IllegalArgumentException(file + " line " + row.line() + ": 'none' with other types " + types);
            }
            types.remove(NONE);
            out.add(new Example(row.line(), row.cells().get(0), types));
        }
        return out;
    }

    /** Detects every example once and scores each type seen in the labels or the detector. */
    static Report evaluate(RiskDetector detector, List<Example> examples) {
        Set<String> types = new LinkedHashSet<>(detector.types());
        examples.forEach(ex -> types.addAll(ex.expected()));
        int[] tp = new int[types.size()];
        int[] predicted = new int[types.size()];
        int[] actual = new int[types.size()];
        List<String> order = List.copyOf(types);
        int exact = 0;
        int negatives = 0;
        int falseAlarms = 0;
        List<String> misses = new ArrayList<>();
        for (Example ex : examples) {
            List<Risk> risks = detector.detect(ex.text());
            Set<String> got = new TreeSet<>();
            risks.forEach(r -> got.add(r.type()));
            for (int k = 0; k < order.size(); k++) {
                boolean e = ex.expected().contains(order.get(k));
                boolean g = got.contains(order.get(k));
                actual[k] += e ? 1 : 0;
                predicted[k] += g ? 1 : 0;
                tp[k] += e && g ? 1 : 0;
            }
            if (ex.expected().isEmpty()) {
                negatives++;
                falseAlarms += got.isEmpty() ? 0 : 1;
            }
            if (got.equals(ex.expected())) {
                exact++;
            } else {
                misses.add(String.format(Locale.ROOT, "  MISS line %d expected=%s got=%s %s %s", ex.line(),
                        ex.expected(), got, risks.stream().flatMap(r -> r.cues().stream()).toList(), ex.text()));
            }
        }
        List<TypeScore> scores = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            scores.add(new TypeScore(order.get(k), predicted[k] == 0 ? 0 : (double) tp[k] / predicted[k],
                    actual[k] == 0 ? 0 : (double) tp[k] / actual[k], actual[k]));
        }
        return new Report(scores, examples.isEmpty() ? 0 : (double) exact / examples.size(),
                negatives == 0 ? 0 : (double) falseAlarms / negatives, negatives, misses);
    }
}
