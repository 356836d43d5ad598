package io.huida.engine.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Gradient-boosted regression trees that turn a candidate's evidence into the log-odds that it is the FAQ the
 * customer asks: the {@link Features}, the linear evidence score and the score's lead over the best other candidate.
 * The lead is what a linear score cannot use well: a near miss ("礼品卡可以转送吗" against "礼品卡怎么使用") scores
 * high but so do other FAQs of its topic, while a right but oddly worded match often leads clearly. Trained by
 * {@code huida-bench train-ranker} on the development sets' customer-style questions (never on the test set), and
 * shipped as the resource {@code ranker.tsv}. Immutable and thread-safe.
 */
public final class Ranker {

    /** Number of inputs: the features, then the linear score and its lead. */
    public static final int INPUTS = Features.SIZE + 2;

    private static final String RESOURCE = "ranker.tsv";
    private static final Ranker BUILT_IN = loadBuiltIn();

    /** The trees' nodes: per node its input (-1 for a leaf), threshold, children and leaf value; trees start at {@link #roots}. */
    private final int[] input;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    private final int[] roots;
    private final double base;

    private Ranker(double base, int[] roots, int[] input, double[] threshold, int[] left, int[] right, double[] value) {
        this.base = base;
        this.roots = roots;
        this.input = input;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
    }

    /** The ranker shipped with Huida, or null when the build has none. */
    public static Ranker builtIn() {
        return BUILT_IN;
    }

    /**
     * The inputs of each of a message's candidates: its features, its linear score and that score's lead over the best
     * other candidate (over 0 when it is the only one).
     *
     * @param linear the candidates' linear scores, in order
     */
    public static double[][] inputs(List<Features> candidates, double[] linear) {
        int best = -1;
        int second = -1;
        for (int i = 0; i < linear.length; i++) {
            if (best < 0 || linear[i] > linear[best]) {
                second = best;
                best = i;
            } else if (second < 0 || linear[i] > linear[second]) {
                second = i;
            }
        }
        double[][] out = new double[linear.length][];
        for (int i = 0; i < linear.length; i++) {
            int other = i == best ? second : best;
            double[] x = Arrays.copyOf(candidates.get(i).toArray(), INPUTS);
            x[Features.SIZE] = linear[i];
            x[Features.SIZE + 1] = linear[i] - (other < 0 ? 0 : linear[other]);
            out[i] = x;
        }
        return out;
    }

    /** The log-odds that the candidate with these {@link #inputs} is the right FAQ. */
    public double logOdds(double[] x) {
        if (x.length != INPUTS) {
            throw new IllegalArgumentException("expected " + INPUTS + " ranker inputs, got " + x.length);
        }
        double sum = base;
        for (int root : roots) {
            int n = root;
            while (input[n] >= 0) {
                n = x[input[n]] < threshold[n] ? left[n] : right[n];
            }
            sum += value[n];
        }
        return sum;
    }

    /** Number of trees. */
    public int trees() {
        return roots.length;
    }

    /**
     * Reads a ranker in the text form {@link #write} gives: a {@code base} line, then one line per node:
     * {@code tree, node, input, threshold, left, right, value} (tab-separated; input -1 marks a leaf; '#' starts a comment).
     */
    public static Ranker parse(List<String> lines, String source) {
        double base = Double.NaN;
        List<double[]> nodes = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] p = s.split("\t");
            try {
                if (p[0].equals("base") && p.length == 2) {
                    base = Double.parseDouble(p[1]);
                } else if (p.length == 7) {
                    double[] row = new double[7];
                    for (int i = 0; i < 7; i++) {
                        row[i] = Double.parseDouble(p[i]);
                    }
                    nodes.add(row);
                } else {
                    throw new IllegalArgumentException("expected 7 tab-separated fields, got " + p.length);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": " + e.getMessage() + ": '" + s + "'", e);
            }
        }
        if (Double.isNaN(base)) {
            throw new IllegalArgumentException(source + ": no 'base' line");
        }
        int n = nodes.size();
        int[] input = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] value = new double[n];
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] r = nodes.get(i);
            if ((int) r[1] != i) {
                throw new IllegalArgumentException(source + ": node " + (int) r[1] + " out of order, expected " + i);
            }
            input[i] = (int) r[2];
            threshold[i] = r[3];
            left[i] = (int) r[4];
            right[i] = (int) r[5];
            value[i] = r[6];
            if (input[i] >= INPUTS) {
                throw new IllegalArgumentException(source + ": node " + i + " reads input " + input[i] + " of " + INPUTS);
            }
            if (input[i] >= 0 && (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n)) {
                throw new IllegalArgumentException(source + ": node " + i + " has children " + left[i] + "/" + right[i]
                        + " outside " + (i + 1) + ".." + (n - 1));
            }
            if (i == 0 || (int) r[0] != (int) nodes.get(i - 1)[0]) {
                roots.add(i);
            }
        }
        return new Ranker(base, roots.stream().mapToInt(Integer::intValue).toArray(), input, threshold, left, right, value);
    }

    /** Reads a ranker file. */
    public static Ranker read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Writes trees in the form {@link #parse} reads. Each tree is a list of nodes {@code {input, threshold, left, right,
     * value}} indexed within the tree (children after their parent), root first.
     */
    public static String write(String header, double base, List<List<double[]>> trees) {
        StringBuilder sb = new StringBuilder();
        for (String line : header.split("\n")) {
            sb.append("# ").append(line).append('\n');
        }
        sb.append("base\t").append(base).append('\n');
        int offset = 0;
        for (int t = 0; t < trees.size(); t++) {
            List<double[]> nodes = trees.get(t);
            for (int i = 0; i < nodes.size(); i++) {
                double[] nd = nodes.get(i);
                boolean leaf = nd[0] < 0;
                sb.append(String.format(Locale.ROOT, "%d\t%d\t%d\t%s\t%d\t%d\t%s%n", t, offset + i, (int) nd[0],
                        leaf ? "0" : Double.toString(nd[1]), leaf ? -1 : offset + (int) nd[2], leaf ? -1 : offset + (int) nd[3],
                        leaf ? Double.toString(nd[4]) : "0"));
            }
            offset += nodes.size();
        }
        return sb.toString();
    }

    private static Ranker loadBuiltIn() {
        try (InputStream in = Ranker.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(text.lines().toList(), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in ranker " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
