package io.huida.engine.nlu.match;

import io.huida.engine.retrieval.LogisticRegression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The logistic-regression weights {@link QuestionSimilarity} gives each kind of {@link PairEvidence}, plus a
 * bias: the score of a pair is {@code sigmoid(bias + Σ weight × evidence)}.
 *
 * @param coefficients one weight per {@link PairEvidence} value, in {@link #NAMES} order
 * @param bias         the intercept
 */
public record SimilarityWeights(List<Double> coefficients, double bias) {

    /** The names of the evidence values, in {@link PairEvidence#toArray()} order. */
    public static final List<String> NAMES = List.of("cosine", "charCoverageMin", "charCoverageMax",
            "bigramCoverageMin", "bigramCoverageMax", "idfCoverageMin", "idfCoverageMax", "editSimilarity",
            "pinyinCoverage", "lengthRatio", "numberMismatch", "negationMismatch");

    /** Validates that there is one finite weight per evidence value and copies the list. */
    public SimilarityWeights {
        if (coefficients == null || coefficients.size() != PairEvidence.SIZE) {
            throw new IllegalArgumentException("expected " + PairEvidence.SIZE + " coefficients ("
                    + String.join(", ", NAMES) + "), got " + (coefficients == null ? "null" : coefficients.size()));
        }
        for (int i = 0; i < coefficients.size(); i++) {
            Double w = coefficients.get(i);
            if (w == null || !Double.isFinite(w)) {
                throw new IllegalArgumentException("coefficient " + NAMES.get(i) + " must be finite, got " + w);
            }
        }
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("bias must be finite, got " + bias);
        }
        coefficients = List.copyOf(coefficients);
    }

    /**
     * The weights {@code huida-bench match} fits on the valid splits of the public BQ, LCQMC and ATEC
     * question-matching sets (38,802 pairs, one intercept per set; see {@code huida-bench/data/match/RESULTS.md}),
     * for use before a deployment has labelled pairs of its own. They expect character idf fitted on
     * questions of the deployment's domain.
     */
    public static SimilarityWeights defaults() {
        return of(14.6358, -1.4114, -0.0901, -0.2742, -1.0652, 0.6576, -0.2877, 0.2527, 1.5694, -0.2628, -0.5721,
                -0.4587, -11.1261);
    }

    /** Weights from an array of {@link PairEvidence#SIZE} coefficients followed by the bias. */
    public static SimilarityWeights of(double... coefficientsThenBias) {
        if (coefficientsThenBias.length != PairEvidence.SIZE + 1) {
            throw new IllegalArgumentException("expected " + (PairEvidence.SIZE + 1)
                    + " values (coefficients, then the bias), got " + coefficientsThenBias.length);
        }
        List<Double> coefficients = new ArrayList<>();
        for (int i = 0; i < PairEvidence.SIZE; i++) {
            coefficients.add(coefficientsThenBias[i]);
        }
        return new SimilarityWeights(coefficients, coefficientsThenBias[PairEvidence.SIZE]);
    }

    /**
     * Fits weights by L2-regularised logistic regression on labelled pairs from one source.
     *
     * @param evidence one entry per pair
     * @param same     whether each pair means the same thing
     * @param l2       regularisation strength, e.g. {@code 1e-4}
     */
    public static SimilarityWeights fit(List<PairEvidence> evidence, List<Boolean> same, double l2) {
        return fit(evidence, same, Collections.nCopies(evidence.size(), ""), l2);
    }

    /**
     * Fits weights by L2-regularised logistic regression on labelled pairs from several sources (datasets,
     * knowledge bases), with one intercept per source while fitting. Sources differ in their share of
     * matching pairs and in how close their non-matching pairs are; without their own intercepts, the
     * lexical weights would learn to tell the sources apart instead of ranking pairs within one. The
     * returned bias is the mean of the source intercepts.
     *
     * @param evidence one entry per pair
     * @param same     whether each pair means the same thing
     * @param sources  the source of each pair, any non-null name
     * @param l2       regularisation strength, e.g. {@code 1e-4}
     */
    public static SimilarityWeights fit(List<PairEvidence> evidence, List<Boolean> same, List<String> sources, double l2) {
        if (evidence.size() != same.size() || evidence.size() != sources.size()) {
            throw new IllegalArgumentException("got " + evidence.size() + " pairs, " + same.size() + " labels and "
                    + sources.size() + " sources");
        }
        if (!same.contains(true) || !same.contains(false)) {
            throw new IllegalArgumentException("fitting needs both matching and non-matching pairs");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String source : sources) {
            index.putIfAbsent(Objects.requireNonNull(source, "source"), index.size());
        }
        int k = index.size() > 1 ? index.size() : 0;
        List<double[]> rows = new ArrayList<>(evidence.size());
        for (int i = 0; i < evidence.size(); i++) {
            double[] row = Arrays.copyOf(evidence.get(i).toArray(), PairEvidence.SIZE + k);
            if (k > 0) {
                row[PairEvidence.SIZE + index.get(sources.get(i))] = 1;
            }
            rows.add(row);
        }
        double[] fitted = LogisticRegression.fit(rows, same, 1, l2, 2000);
        double[] out = Arrays.copyOf(fitted, PairEvidence.SIZE + 1);
        double bias = fitted[fitted.length - 1];
        for (int j = 0; j < k; j++) {
            bias += fitted[PairEvidence.SIZE + j] / k;
        }
        out[PairEvidence.SIZE] = bias;
        return of(out);
    }

    /** The linear score {@code bias + Σ weight × evidence}, before the sigmoid. */
    public double logit(PairEvidence evidence) {
        double[] x = evidence.toArray();
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += coefficients.get(i) * x[i];
        }
        return z;
    }

    /** The weights as Java source for {@link #of}, named in a comment, e.g. for pasting as defaults. */
    public String toSource() {
        double[] all = Arrays.copyOf(coefficients.stream().mapToDouble(Double::doubleValue).toArray(), PairEvidence.SIZE + 1);
        all[PairEvidence.SIZE] = bias;
        StringBuilder sb = new StringBuilder("SimilarityWeights.of(");
        for (int i = 0; i < all.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", all[i]));
        }
        return sb.append(") // ").append(String.join(", ", NAMES)).append(", bias").toString();
    }
}
