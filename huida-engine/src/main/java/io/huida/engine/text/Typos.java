package io.huida.engine.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The built-in table of common Chinese typos and homophone slips, read from {@code typos.tsv}. */
final class Typos {

    private static final Map<String, String> BUILT_IN = load();

    private Typos() {
    }

    static Map<String, String> builtIn() {
        return BUILT_IN;
    }

    private static Map<String, String> load() {
        Map<String, String> table = new LinkedHashMap<>();
        try (InputStream in = Typos.class.getResourceAsStream("typos.tsv")) {
            if (in == null) {
                throw new IllegalStateException("typos.tsv is missing from the classpath next to " + Typos.class);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalStateException("typos.tsv line " + lineNo + " must be 'wrong<TAB>right': " + line);
                }
                table.put(parts[0].strip(), parts[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableMap(table);
    }
}
