package io.huida.bench;

import io.huida.engine.bot.Decision;
import io.huida.engine.bot.ReplyType;
import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.eval.BatchCase;
import io.huida.engine.eval.BatchTest;
import io.huida.engine.kb.Faq;
import io.huida.engine.retrieval.Calibration;
import io.huida.engine.retrieval.Calibrator;
import io.huida.engine.retrieval.Candidate;
import io.huida.engine.retrieval.KnowledgeIndex;
import io.huida.engine.retrieval.LogisticRegression;
import io.huida.engine.retrieval.TextPipeline;
import io.huida.engine.text.TextNormalizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code huida-bench tune}: learns the global evidence weights and the threshold shift on development sets
 * (never on the test set). Each set is a folder with {@code kb.csv} and {@code queries.csv}. Prints the
 * weights to paste into {@code Calibrator.LINEAR_WEIGHTS} and the figures per set.
 */
final class TuneCommand {

    private TuneCommand() {
    }

    record Query(BatchCase c, List<Candidate> candidates) {
    }

    record DevSet(String name, KnowledgeIndex index, List<Query> queries) {
    }

    static void run(Args args) throws Exception {
        TextPipeline pipeline = new TextPipeline(new TextNormalizer(), new CachingEmbedder(new BgeEmbedder()));
        List<DevSet> sets = new ArrayList<>();
        Instant now = Instant.now();
        for (String dir : args.require("sets").split(",")) {
            List<Faq> faqs = Bots.readKb(Path.of(dir, "kb.csv"));
            KnowledgeIndex index = KnowledgeIndex.build(faqs, pipeline, null);
            List<Query> queries = new ArrayList<>();
            for (BatchCase c : BatchTest.parse(Files.readAllBytes(Path.of(dir, "queries.csv")))) {
                queries.add(new Query(c, index.candidates(index.parse(c.query()), now)));
            }
            sets.add(new DevSet(dir, index, queries));
        }
        if (args.has("search")) {
            WeightSearch.run(sets, args);
            return;
        }
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (DevSet set : sets) {
            Calibration hand = new Calibration(Calibrator.Settings.linear().weights(), 1, 0, 0.5, 0.5, 0.05);
            int topK = Integer.parseInt(args.get("top-k", "100"));
            for (Query q : set.queries()) {
                List<Candidate> sorted = new ArrayList<>(q.candidates());
                sorted.sort(Comparator.comparingDouble((Candidate c) -> hand.score(c.features())).reversed());
                for (Candidate c : sorted.subList(0, Math.min(topK, sorted.size()))) {
                    rows.add(c.features().toArray());
                    labels.add(c.faq().id().equals(q.c().expectedId()));
                }
            }
        }
        double positiveWeight = Double.parseDouble(args.get("positive-weight", "3"));
        double l2 = Double.parseDouble(args.get("l2", "0.001"));
        double[] fitted = LogisticRegression.fit(rows, labels, positiveWeight, l2, 3000);
        Calibrator.Settings base = Calibrator.Settings.linear();
        double[] weights = args.has("keep-weights") ? base.weights()
                : args.values().containsKey("weights")
                ? Arrays.stream(args.require("weights").split(",")).mapToDouble(Double::parseDouble).toArray()
                : Arrays.copyOf(fitted, fitted.length - 1); // the bias is absorbed by the KB threshold
        double gap = Double.parseDouble(args.get("gap", String.valueOf(base.clarifyGap())));
        double[] best = null;
        double[] margins = args.values().containsKey("margin") ? new double[]{Double.parseDouble(args.require("margin"))}
                : new double[]{0.02, 0.05, 0.1};
        double fromShift = args.values().containsKey("shift") ? Double.parseDouble(args.require("shift")) : -4;
        double toShift = args.values().containsKey("shift") ? fromShift : 4;
        for (double margin : margins) {
            Calibrator.Settings settings = new Calibrator.Settings(weights, base.maxSamples(), base.outOfScopeWeight(), 0,
                    gap, margin, base.seed(), base.faqOffsetWeight(), null);
            List<Calibration> zero = new ArrayList<>();
            for (DevSet set : sets) {
                zero.add(new Calibrator(settings).calibrate(set.index()));
            }
            for (double shift = fromShift; shift <= toShift + 1e-9; shift += 0.01) {
                double objective = 0;
                double[] figures = new double[sets.size() * 2];
                for (int s = 0; s < sets.size(); s++) {
                    Calibration c0 = zero.get(s);
                    double t0 = -c0.intercept() / c0.slope();
                    Calibration cal = new Calibration(weights, c0.slope(), -c0.slope() * (t0 + shift), 0.5,
                            c0.clarifyThreshold(), margin, c0.faqOffsets());
                    double[] ar = evaluate(sets.get(s), cal);
                    figures[2 * s] = ar[0];
                    figures[2 * s + 1] = ar[1];
                    objective += Math.min(ar[0], ar[1]) / sets.size();
                }
                if (best == null || objective > best[0]) {
                    best = new double[]{objective, shift, margin};
                    System.out.printf(Locale.ROOT, "objective %.4f shift %.2f margin %.2f figures %s%n", objective, shift,
                            margin, Arrays.toString(Arrays.stream(figures).map(f -> Math.round(f * 1000) / 1000.0).toArray()));
                }
            }
        }
        System.out.println("weights = " + Arrays.toString(Arrays.stream(weights).map(w -> Math.round(w * 1000) / 1000.0).toArray()));
        System.out.printf(Locale.ROOT, "bias %.3f; best shift %.2f, margin %.2f, objective %.4f%n", fitted[fitted.length - 1],
                best[1], best[2], best[0]);
    }

    /** {in-scope answered right, out-of-scope not answered} for one set under {@code cal}. */
    static double[] evaluate(DevSet set, Calibration cal) {
        int in = 0;
        int right = 0;
        int out = 0;
        int rejected = 0;
        for (Query q : set.queries()) {
            List<Candidate> ranked = new ArrayList<>();
            for (Candidate c : q.candidates()) {
                ranked.add(new Candidate(c.faq(), c.matchedQuestion(), c.features(), cal.probability(c.faq().id(), c.features())));
            }
            ranked.sort(Comparator.comparingDouble(Candidate::probability).reversed());
            Decision d = Decision.of(ranked, cal);
            if (q.c().inScope()) {
                in++;
                if (d.type() == ReplyType.ANSWER && d.offered().get(0).faq().id().equals(q.c().expectedId())) {
                    right++;
                }
            } else {
                out++;
                if (d.type() != ReplyType.ANSWER) {
                    rejected++;
                }
            }
        }
        return new double[]{right / (double) Math.max(1, in), rejected / (double) Math.max(1, out)};
    }
}
