package io.huida.bench;

import io.huida.engine.retrieval.Calibration;
import io.huida.engine.retrieval.Calibrator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code huida-bench tune --search}: coordinate ascent on the global evidence weights, each trial calibrated on
 * every development set's own questions (as at publish time) and scored by the decision figures themselves — the
 * mean over sets of min(in-scope answered right, out-of-scope rejected), best over the threshold shift, plus a
 * quarter of their mean as a tie-breaker. Sets named by {@code --check} are reported, never optimised; {@code --start
 * "W1,...;W1,..."} evaluates several starting weight vectors and searches from the best; {@code --curve} prints, for
 * each start, every set's figures at threshold shifts from -0.20 to +0.06, so two weight vectors can be compared at
 * the same out-of-scope rejection rather than at each one's chosen shift ({@code --passes 0} to compare only).
 */
final class WeightSearch {

    private static final double[] STEPS = {-0.4, -0.2, -0.1, 0.1, 0.2, 0.4};

    private record Result(double objective, double shift, double[] figures) {
    }

    private WeightSearch() {
    }

    static void run(List<TuneCommand.DevSet> all, Args args) {
        List<String> check = Arrays.asList(args.get("check", "").split(","));
        List<TuneCommand.DevSet> sets = all.stream().filter(s -> !check.contains(s.name())).toList();
        List<TuneCommand.DevSet> held = all.stream().filter(s -> check.contains(s.name())).toList();
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("every set is a --check set: nothing left to tune on");
        }
        Calibrator.Settings base = Calibrator.Settings.linear();
        double margin = Double.parseDouble(args.get("margin", String.valueOf(base.clarifyMargin())));
        int passes = Integer.parseInt(args.get("passes", "2"));
        double[] w = base.weights();
        Result best = null;
        for (String start : args.get("start", "").split(";")) { // candidate starting points: the best one is kept
            double[] candidate = start.isBlank() ? base.weights()
                    : Arrays.stream(start.split(",")).mapToDouble(Double::parseDouble).toArray();
            Result r = evaluate(sets, candidate, margin);
            report("start", candidate, r, held, margin);
            if (args.has("curve")) {
                curve(all, candidate, margin);
            }
            if (best == null || r.objective() > best.objective()) {
                w = candidate;
                best = r;
            }
        }
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < w.length; i++) {
                for (double step : STEPS) {
                    double[] trial = w.clone();
                    trial[i] = Math.round((trial[i] + step) * 100) / 100.0;
                    if (trial[i] < 0) {
                        continue;
                    }
                    Result r = evaluate(sets, trial, margin);
                    if (r.objective() > best.objective() + 1e-4) {
                        w = trial;
                        best = r;
                        report("pass " + pass + " weight " + i, w, best, held, margin);
                    }
                }
            }
        }
        report("final", w, best, held, margin);
    }

    /** Every set's figures (in scope answered right, out of scope rejected) at each threshold shift, for comparing trade-offs. */
    private static void curve(List<TuneCommand.DevSet> sets, double[] w, double margin) {
        List<Calibration> zero = calibrate(sets, w, margin);
        for (int step = -20; step <= 6; step += 2) {
            double shift = step / 100.0;
            System.out.printf(Locale.ROOT, "  curve shift %+.2f %s%n", shift,
                    Arrays.toString(round(figures(sets, zero, w, margin, shift))));
        }
    }

    private static void report(String label, double[] w, Result r, List<TuneCommand.DevSet> held, double margin) {
        String check = held.isEmpty() ? "" : " check " + Arrays.toString(round(figures(held, w, margin, r.shift())));
        System.out.printf(Locale.ROOT, "%s: objective %.4f shift %.2f figures %s%s weights %s%n", label, r.objective(),
                r.shift(), Arrays.toString(round(r.figures())), check, Arrays.toString(w));
    }

    /** The best objective over threshold shifts for these weights. */
    private static Result evaluate(List<TuneCommand.DevSet> sets, double[] w, double margin) {
        List<Calibration> zero = calibrate(sets, w, margin);
        Result best = null;
        for (double shift = -0.3; shift <= 0.3 + 1e-9; shift += 0.01) {
            double[] f = figures(sets, zero, w, margin, shift);
            double min = 0;
            double mean = 0;
            for (int s = 0; s < sets.size(); s++) {
                min += Math.min(f[2 * s], f[2 * s + 1]) / sets.size();
                mean += (f[2 * s] + f[2 * s + 1]) / 2 / sets.size();
            }
            double objective = min + 0.25 * mean;
            if (best == null || objective > best.objective()) {
                best = new Result(objective, Math.round(shift * 100) / 100.0, f);
            }
        }
        return best;
    }

    private static double[] figures(List<TuneCommand.DevSet> sets, double[] w, double margin, double shift) {
        return figures(sets, calibrate(sets, w, margin), w, margin, shift);
    }

    private static List<Calibration> calibrate(List<TuneCommand.DevSet> sets, double[] w, double margin) {
        Calibrator.Settings base = Calibrator.Settings.linear();
        Calibrator.Settings settings = new Calibrator.Settings(w, base.maxSamples(), base.outOfScopeWeight(), 0,
                base.clarifyGap(), margin, base.seed(), base.faqOffsetWeight(), null);
        List<Calibration> out = new ArrayList<>();
        for (TuneCommand.DevSet set : sets) {
            out.add(new Calibrator(settings).calibrate(set.index()));
        }
        return out;
    }

    private static double[] figures(List<TuneCommand.DevSet> sets, List<Calibration> zero, double[] w, double margin,
                                     double shift) {
        double[] f = new double[sets.size() * 2];
        for (int s = 0; s < sets.size(); s++) {
            Calibration c0 = zero.get(s);
            double t0 = -c0.intercept() / c0.slope();
            Calibration cal = new Calibration(w, c0.slope(), -c0.slope() * (t0 + shift), 0.5, c0.clarifyThreshold(), margin,
                    c0.faqOffsets());
            double[] ar = TuneCommand.evaluate(sets.get(s), cal);
            f[2 * s] = ar[0];
            f[2 * s + 1] = ar[1];
        }
        return f;
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 1000) / 1000.0).toArray();
    }
}
