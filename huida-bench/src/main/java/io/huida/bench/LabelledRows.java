package io.huida.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Reading tab-separated labelled files and timing a detector over them, for the safety benchmarks. */
final class LabelledRows {

    /** One non-comment line: its number and its tab-separated cells. */
    record Row(int line, List<String> cells) {
    }

    private LabelledRows() {
    }

    /**
     * Reads lines of exactly {@code columns} tab-separated cells, skipping blank lines and {@code #} comments.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed line, or an empty file
     */
    static List<Row> read(Path file, int columns, String layout) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != columns || cells[0].isBlank()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " must be '" + layout + "': " + line);
            }
            rows.add(new Row(i + 1, List.of(cells)));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no labelled messages");
        }
        return rows;
    }

    /** Sorted nanoseconds per call of {@code work} over {@code passes} timed passes, after as many warm-up passes. */
    static <T> long[] latencies(List<T> items, int passes, Consumer<T> work) {
        for (int pass = 0; pass < passes; pass++) {
            items.forEach(work);
        }
        long[] nanos = new long[items.size() * passes];
        int i = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (T item : items) {
                long t0 = System.nanoTime();
                work.accept(item);
                nanos[i++] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** The {@code q} quantile (0–1) of sorted nanoseconds, in microseconds. */
    static double micros(long[] sorted, double q) {
        int k = Math.max(0, (int) Math.ceil(sorted.length * q) - 1);
        return sorted[k] / 1e3;
    }
}
