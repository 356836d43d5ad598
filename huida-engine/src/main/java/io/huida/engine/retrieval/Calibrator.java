package io.huida.engine.retrieval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Learns a {@link Calibration} from a knowledge base's own questions, so that no threshold is set by hand
 * per knowledge base. Each sampled question is asked twice against the index: once with only that question
 * held out (its FAQ should still win: an in-scope example) and once with its whole FAQ held out (nothing
 * should be answered: an out-of-scope example). The score threshold that best separates the two kinds is
 * chosen, and a logistic (Platt) mapping from score to probability is fitted on the same examples.
 */
public final class Calibrator {

    /**
     * Settings for calibration: the same for every knowledge base.
     *
     * @param weights          linear evidence weights over {@link Features#toArray()}
     * @param maxSamples       most questions sampled (bounds the time taken on large knowledge bases)
     * @param outOfScopeWeight weight of rejecting out-of-scope examples against answering in-scope ones
     * @param thresholdShift   added to the separating score threshold: real customer wording is further from the
     *                         knowledge base than its own paraphrases are from each other
     * @param clarifyGap       how far below the answer threshold (in score) a candidate is still offered as a choice
     * @param clarifyMargin    candidates within this probability of the top one make the answer ambiguous
     * @param seed             seed of the question sample
     * @param faqOffsetWeight  how far each FAQ's threshold follows its own questions' scores ({@link FaqOffsets})
     * @param ranker           the {@link Ranker} whose log-odds are the evidence score, or null for the linear score
     */
    public record Settings(double[] weights, int maxSamples, double outOfScopeWeight, double thresholdShift,
                           double clarifyGap, double clarifyMargin, long seed, double faqOffsetWeight, Ranker ranker) {

        public Settings {
            if (weights.length != Features.SIZE) {
                throw new IllegalArgumentException("expected " + Features.SIZE + " weights, got " + weights.length);
            }
            if (maxSamples < 1) {
                throw new IllegalArgumentException("maxSamples must be positive, got " + maxSamples);
            }
            if (!(outOfScopeWeight > 0)) {
                throw new IllegalArgumentException("outOfScopeWeight must be positive, got " + outOfScopeWeight);
            }
            if (!(clarifyGap >= 0)) {
                throw new IllegalArgumentException("clarifyGap must not be negative, got " + clarifyGap);
            }
            if (!(faqOffsetWeight >= 0)) {
                throw new IllegalArgumentException("faqOffsetWeight must not be negative, got " + faqOffsetWeight);
            }
            weights = weights.clone();
        }

        /**
         * The defaults: the linear score (weights tuned with {@code huida-bench tune} on the development sets
         * {@code eval-a} and {@code eval-c}; the FAQ offset weight on {@code eval-a}, {@code -c}, {@code -d} and
         * {@code -e}, batch-test at equal shift). The same as {@link #linear()}.
         */
        public static Settings defaults() {
            return linear();
        }

        /**
         * The shipped {@link Ranker} over the linear score, with its threshold shift and clarify gap: far fewer wrong
         * answers and out-of-scope questions answered, at a cost in questions answered at all (opt-in; see
         * {@link Calibrator#RANKER_SHIFT}).
         *
         * @throws IllegalStateException when the build ships no ranker
         */
        public static Settings ranked() {
            Ranker ranker = Ranker.builtIn();
            if (ranker == null) {
                throw new IllegalStateException("this build ships no ranker (resource io/huida/engine/retrieval/ranker.tsv)");
            }
            return linear().withRanker(ranker, RANKER_SHIFT, RANKER_CLARIFY_GAP);
        }

        /** The settings of the linear score alone (no ranker). */
        public static Settings linear() {
            return new Settings(LINEAR_WEIGHTS, 600, 1.0, LINEAR_SHIFT, 0.05, 0.02, 42, 0.1, null);
        }

        /** These settings with {@code ranker} (null: the linear score) and its threshold shift and clarify gap. */
        public Settings withRanker(Ranker ranker, double thresholdShift, double clarifyGap) {
            return new Settings(weights, maxSamples, outOfScopeWeight, thresholdShift, clarifyGap, clarifyMargin, seed,
                    faqOffsetWeight, ranker);
        }
    }

    /** The linear evidence weights, tuned with {@code huida-bench tune} on {@code eval-a} and {@code eval-c}. */
    static final double[] LINEAR_WEIGHTS = {0.3, 0.5, 0.2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.9};
    /**
     * Threshold shift of the linear score (see {@link Settings#thresholdShift}), for queries through the built-in
     * {@link QueryAdapter}: chosen on the seven development sets with adapters each trained without the set it was
     * measured on, as the shift (of -0.05, -0.06 … -0.09) at which most sets reach 85 % both in scope and out of
     * scope, ties to the best mean of the lower of the two (six sets at -0.07).
     */
    static final double LINEAR_SHIFT = -0.07;
    /**
     * Threshold shift in the ranker's log-odds (see {@link Settings#thresholdShift}): chosen on the seven development
     * sets with rankers and query adapters each trained without the set it was measured on, as the shift (of 0.5,
     * 0.25, 0, -0.75, -1.5, -2.5) at which most sets reach 85 % both in scope and out of scope (three sets at -2.5).
     * Trained on features through the adapter, which has seen its training queries, the ranker trusts them more
     * than new wordings deserve, hence the large negative shift.
     */
    static final double RANKER_SHIFT = -2.5;
    /** Clarify gap in the ranker's log-odds (see {@link Settings#clarifyGap}). */
    static final double RANKER_CLARIFY_GAP = 1.0;

    /** Pseudo-examples at the knowledge base's mean in each FAQ's offset (see {@link FaqOffsets}). */
    static final double FAQ_OFFSET_PRIOR = 2;

    /** Larger knowledge bases are calibrated on a random subset of this many FAQs (bounds publish time). */
    static final int MAX_CALIBRATION_FAQS = 600;

    private final Settings settings;

    public Calibrator(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The settings this calibrator calibrates with. */
    public Settings settings() {
        return settings;
    }

    /** Calibrates for {@code full}; a knowledge base too small to learn from gets conservative defaults. */
    public Calibration calibrate(KnowledgeIndex full) {
        KnowledgeIndex index = full.subset(MAX_CALIBRATION_FAQS, settings.seed());
        Calibration unscaled = new Calibration(settings.weights(), 1, 0, 0.5, 0.5, settings.clarifyMargin(), Map.of(), settings.ranker());
        List<double[]> in = new ArrayList<>(); // {top score, 1 if the right FAQ is on top, FAQ asked from, language ordinal}
        List<double[]> out = new ArrayList<>(); // {top score, language ordinal}
        Instant now = Instant.now();
        for (IndexedText t : sample(index)) {
            ParsedQuery q = index.asQuery(t);
            Scored held = best(index.candidates(q, now, -1, t.ordinal()), unscaled);
            Scored gone = best(index.candidates(q, now, t.faq(), -1), unscaled);
            String id = index.faqs().get(t.faq()).id();
            if (held != null) {
                in.add(new double[]{held.score(), held.candidate().faq().id().equals(id) ? 1 : 0, t.faq(), t.language().ordinal()});
            }
            out.add(new double[]{gone == null ? noEvidence() : gone.score(), t.language().ordinal()});
        }
        if (in.size() < 10 || out.size() < 10) {
            double[] w = settings.weights();
            if (settings.ranker() != null) { // too little to learn from: the ranker's own log-odds, shifted as usual
                return new Calibration(w, 1, -settings.thresholdShift(), 0.5, sigmoid(-settings.clarifyGap()),
                        settings.clarifyMargin(), Map.of(), settings.ranker());
            }
            return new Calibration(w, 12, -12 * 0.8, 0.5, sigmoid(-12 * settings.clarifyGap()), settings.clarifyMargin());
        }
        double separating = chooseThreshold(in, out);
        double threshold = separating + settings.thresholdShift();
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        in.forEach(r -> {
            rows.add(new double[]{r[0]});
            labels.add(r[1] == 1);
        });
        out.forEach(s -> {
            rows.add(new double[]{s[0]});
            labels.add(false);
        });
        double[] platt = LogisticRegression.fit(rows, labels, 1.0, 0, 600);
        double slope = Math.max(0.1, platt[0]);
        // centre the probability scale on the chosen threshold so that "answer" means p >= 0.5
        double intercept = -slope * threshold;
        return new Calibration(settings.weights(), slope, intercept, 0.5,
                sigmoid(-slope * settings.clarifyGap()), settings.clarifyMargin(),
                faqOffsets(index, in, LanguageOffsets.of(in, out, separating, this::chooseThreshold)), settings.ranker());
    }

    private Map<String, Double> faqOffsets(KnowledgeIndex index, List<double[]> in, double[] languageOffsets) {
        double[] scores = new double[in.size()];
        int[] faqOf = new int[in.size()];
        for (int i = 0; i < in.size(); i++) {
            scores[i] = in.get(i)[0];
            faqOf[i] = (int) in.get(i)[2];
        }
        Map<String, Double> own = FaqOffsets.of(index.faqs(), scores, faqOf, settings.faqOffsetWeight(), FAQ_OFFSET_PRIOR);
        return LanguageOffsets.add(own, index, languageOffsets);
    }

    private double chooseThreshold(List<double[]> in, List<double[]> out) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double[] r : in) {
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[0]);
        }
        double bestThreshold = lo;
        double bestScore = -1;
        for (int step = 0; step <= 200; step++) {
            double t = lo + (hi - lo) * step / 200.0;
            double answeredRight = 0;
            for (double[] r : in) {
                if (r[0] >= t && r[1] == 1) {
                    answeredRight++;
                }
            }
            double rejected = 0;
            for (double[] s : out) {
                if (s[0] < t) {
                    rejected++;
                }
            }
            double score = answeredRight / in.size() + settings.outOfScopeWeight() * rejected / out.size();
            if (score > bestScore) {
                bestScore = score;
                bestThreshold = t;
            }
        }
        return bestThreshold;
    }

    /** The score of a question that no FAQ shares any evidence with: nothing (linear), or a very unlikely match (ranker). */
    private double noEvidence() {
        return settings.ranker() == null ? 0 : NO_EVIDENCE_LOG_ODDS;
    }

    private static final double NO_EVIDENCE_LOG_ODDS = -10;

    private record Scored(Candidate candidate, double score) {
    }

    private static Scored best(List<Candidate> candidates, Calibration model) {
        double[] scores = model.scores(candidates.stream().map(Candidate::features).toList());
        Scored best = null;
        for (int i = 0; i < scores.length; i++) {
            if (best == null || scores[i] > best.score()) {
                best = new Scored(candidates.get(i), scores[i]);
            }
        }
        return best;
    }

    private List<IndexedText> sample(KnowledgeIndex index) {
        List<IndexedText> questions = new ArrayList<>();
        for (IndexedText t : index.texts()) {
            if (!t.answer()) {
                questions.add(t);
            }
        }
        Collections.shuffle(questions, new Random(settings.seed()));
        return questions.size() > settings.maxSamples() ? questions.subList(0, settings.maxSamples()) : questions;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
