package io.huida.engine.safety;

import io.huida.engine.nlu.entity.TextFold;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the tab-separated rule tables of this package: blank lines and {@code #} comments are skipped, each row
 * keeps its line number, and every error names the source and line. Patterns are a phrase or {@code re:} and a
 * regular expression; both are matched case-insensitively against text folded by {@link TextFold#fold} (so a
 * phrase written in traditional or full-width characters is folded too).
 */
final class SafetyTable {

    /** One row: its source, line number and cells. */
    record Row(String source, int line, List<String> cells) {

        String cell(int i) {
            return i < cells.size() ? cells.get(i).strip() : "";
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(source + " line " + line + ": " + message);
        }
    }

    private SafetyTable() {
    }

    static List<Row> read(Reader reader, String source) throws IOException {
        List<Row> rows = new ArrayList<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            rows.add(new Row(source, n, List.of(line.split("\t", -1))));
        }
        return rows;
    }

    static List<Row> readResource(String name) {
        InputStream in = SafetyTable.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Compiles a phrase or {@code re:} pattern cell of {@code row}. */
    static Pattern pattern(Row row, int column) {
        String spec = row.cell(column);
        if (spec.isEmpty() || spec.equals("re:")) {
            throw row.error("empty pattern");
        }
        String source = spec.startsWith("re:") ? spec.substring(3) : Pattern.quote(TextFold.fold(spec));
        try {
            return Pattern.compile(source, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw row.error("bad regular expression '" + spec.substring(3) + "': " + e.getDescription());
        }
    }
}
