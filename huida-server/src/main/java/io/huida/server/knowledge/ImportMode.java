package io.huida.server.knowledge;

import java.util.Locale;

/** How an import combines with the published knowledge base. */
enum ImportMode {
    /** The file becomes the whole knowledge base. */
    REPLACE,
    /** FAQs in the file replace those with the same id; others are kept. */
    MERGE;

    static ImportMode parse(String text) {
        if (text == null || text.isBlank()) {
            return REPLACE;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be replace or merge, got '" + text + "'");
        }
    }
}
