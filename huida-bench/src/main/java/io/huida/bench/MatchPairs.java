package io.huida.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sentence-pair matching file ({@code s1<TAB>s2<TAB>label}, no header) and the public datasets of the
 * "senteval_cn" layout ({@code zh_text_matching_senteval_cn/NAME/NAME.{valid,test}.data}).
 */
record MatchPairs(String name, List<Pair> pairs) {

    /** One sentence pair with its label: 0/1 for matching sets, a 0..5 similarity for STS-B. */
    record Pair(String first, String second, double label) {
    }

    /** The datasets of {@code zh_text_matching_senteval_cn}, by their folder name. */
    static final List<String> DATASETS = List.of("BQ", "LCQMC", "ATEC", "PAWSX", "STS-B");

    /** Returns the folder name for a {@code --dataset} value such as {@code bq} or {@code stsb}. */
    static String datasetName(String option) {
        String wanted = option.toUpperCase(Locale.ROOT).replace("-", "");
        for (String name : DATASETS) {
            if (name.replace("-", "").equals(wanted)) {
                return name;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + option + "': expected one of bq, lcqmc, atec, pawsx, stsb");
    }

    /** Reads split {@code valid} or {@code test} of dataset {@code name} under {@code dataDir}. */
    static MatchPairs dataset(Path dataDir, String name, String split, int limit) {
        Path file = dataDir.resolve("zh_text_matching_senteval_cn").resolve(name).resolve(name + "." + split + ".data");
        return read(file, name, limit);
    }

    /** Reads the first {@code limit} pairs of {@code file}; every line must have exactly three tab-separated fields. */
    static MatchPairs read(Path file, String name, int limit) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < lines.size() && pairs.size() < limit; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 3 tab-separated fields, got " + f.length);
            }
            try {
                pairs.add(new Pair(f[0], f[1], Double.parseDouble(f[2].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": label '" + f[2] + "' is not a number", e);
            }
        }
        return new MatchPairs(name, List.copyOf(pairs));
    }

    /** True when every label is 0 or 1, so accuracy is meaningful. */
    boolean binary() {
        return pairs.stream().allMatch(p -> p.label() == 0 || p.label() == 1);
    }

    /** The labels in pair order. */
    double[] labels() {
        return pairs.stream().mapToDouble(Pair::label).toArray();
    }

    /** Both sentences of every pair, in order. */
    List<String> sentences() {
        List<String> out = new ArrayList<>(pairs.size() * 2);
        for (Pair p : pairs) {
            out.add(p.first());
            out.add(p.second());
        }
        return out;
    }
}
