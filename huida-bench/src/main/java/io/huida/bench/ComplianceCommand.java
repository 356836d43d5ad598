package io.huida.bench;

import io.huida.engine.safety.ComplianceAction;
import io.huida.engine.safety.ComplianceChecker;
import io.huida.engine.safety.ComplianceResult;
import io.huida.engine.safety.ComplianceRules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code huida-bench compliance}: checks labelled outgoing texts ({@code text<TAB>industries<TAB>action}) with the
 * built-in rules of their industries and prints accuracy, per-action precision and recall, and latency.
 */
final class ComplianceCommand {

    static final String DEFAULT_FILE = "huida-bench/data/compliance/test.tsv";

    private ComplianceCommand() {
    }

    /** One labelled outgoing text. */
    record Example(int line, String text, Set<String> industries, ComplianceAction expected) {
    }

    /** Precision and recall of one action, and how many examples expect it. */
    record ActionScore(ComplianceAction action, double precision, double recall, int n) {
    }

    /** The scores of a run and the examples it got wrong. */
    record Report(List<ActionScore> actions, double accuracy, List<String> misses) {
    }

    static void run(Args args) throws Exception {
        Path file = Path.of(args.get("file", DEFAULT_FILE));
        List<Example> examples = read(file);
        Map<Set<String>, ComplianceChecker> checkers = new HashMap<>();
        Report report = evaluate(examples, checkers);
        long[] nanos = LabelledRows.latencies(examples, 20, ex -> checkers.get(ex.industries()).check(ex.text()));
        System.out.printf(Locale.ROOT, "compliance %s: n=%d accuracy %.3f  p50 %.1f µs  p99 %.1f µs%n", file,
                examples.size(), report.accuracy(), LabelledRows.micros(nanos, 0.5), LabelledRows.micros(nanos, 0.99));
        for (ActionScore s : report.actions()) {
            System.out.printf(Locale.ROOT, "  %-8s precision %.3f  recall %.3f  (n=%d)%n", s.action(), s.precision(),
                    s.recall(), s.n());
        }
        if (args.has("misses")) {
            report.misses().forEach(System.out::println);
        }
    }

    static List<Example> read(Path file) throws Exception {
        List<Example> out = new ArrayList<>();
        for (LabelledRows.Row row : LabelledRows.read(file, 3, "text<TAB>industries<TAB>action")) {
            Set<String> industries = new TreeSet<>();
            for (String industry : row.cells().get(1).split(",")) {
                if (!industry.isBlank()) {
                    industries.add(industry.strip().toLowerCase(Locale.ROOT));
                }
            }
            try {
                out.add(new Example(row.line(), row.cells().get(0), industries,
                        ComplianceAction.valueOf(row.cells().get(2).strip().toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + row.line() + ": unknown action '"
                        + row.cells().get(2) + "', expected allow, rewrite or block", e);
            }
        }
        return out;
    }

    /** Checks every example once with the built-in rules of its industries (checkers are cached in {@code checkers}). */
    static Report evaluate(List<Example> examples, Map<Set<String>, ComplianceChecker> checkers) {
        ComplianceAction[] actions = ComplianceAction.values();
        int[][] confusion = new int[actions.length][actions.length];
        List<String> misses = new ArrayList<>();
        for (Example ex : examples) {
            ComplianceChecker checker = checkers.computeIfAbsent(ex.industries(),
                    set -> new ComplianceChecker(ComplianceRules.builtIn(set)));
            ComplianceResult got = checker.check(ex.text());
            confusion[ex.expected().ordinal()][got.action().ordinal()]++;
            if (got.action() != ex.expected()) {
                misses.add(String.format(Locale.ROOT, "  MISS line %d expected=%s got=%s %s %s", ex.line(),
                        ex.expected(), got.action(), got.violations(), ex.text()));
            }
        }
        List<ActionScore> scores = new ArrayList<>();
        int correct = 0;
        for (ComplianceAction action : actions) {
            int k = action.ordinal();
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < actions.length; j++) {
                predicted += confusion[j][k];
                actual += confusion[k][j];
            }
            int tp = confusion[k][k];
            correct += tp;
            scores.add(new ActionScore(action, predicted == 0 ? 0 : (double) tp / predicted,
                    actual == 0 ? 0 : (double) tp / actual, actual));
        }
        return new Report(scores, examples.isEmpty() ? 0 : (double) correct / examples.size(), misses);
    }
}
