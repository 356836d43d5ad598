package io.huida.engine.text;

import java.util.Collections;
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
        for (String[] row : TsvResource.read("typos.tsv", false)) {
            table.put(row[0].strip(), row[1].strip());
        }
        return Collections.unmodifiableMap(table);
    }
}
