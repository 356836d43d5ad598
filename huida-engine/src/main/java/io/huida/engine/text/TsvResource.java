package io.huida.engine.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the two-column tables ({@code key<TAB>value}, {@code #} comments) that ship beside the text classes. */
final class TsvResource {

    private TsvResource() {
    }

    /**
     * The rows of {@code name}, each as {key, value}; the value may be empty when {@code emptyValues} allows.
     *
     * @throws IllegalStateException naming the file and line when the table is missing or malformed
     */
    static List<String[]> read(String name, boolean emptyValues) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = TsvResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath next to " + TsvResource.class);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab <= 0 || (!emptyValues && tab == line.length() - 1)) {
                    throw new IllegalStateException(name + " line " + lineNo + " must be 'key<TAB>value': " + line);
                }
                rows.add(new String[]{line.substring(0, tab), line.substring(tab + 1)});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
