package io.huida.engine.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates English customer-service words inside Chinese messages ("我的order怎么cancel") into the
 * Chinese words a Chinese knowledge base uses, read from {@code glossary.tsv}. Pure English text is left alone.
 */
final class Glossary {

    private static final Glossary BUILT_IN = load();

    private final Map<String, String> entries;
    private final Pattern pattern;

    private Glossary(Map<String, String> entries) {
        this.entries = entries;
        List<String> keys = new ArrayList<>(entries.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alternation = new StringBuilder();
        for (String k : keys) {
            if (!alternation.isEmpty()) {
                alternation.append('|');
            }
            alternation.append(Pattern.quote(k));
        }
        this.pattern = Pattern.compile("(?<![a-z])(" + alternation + ")(?![a-z])");
    }

    static Glossary builtIn() {
        return BUILT_IN;
    }

    /** Replaces glossary words in lower-cased mixed text; returns the text unchanged when it has no Chinese. */
    String translate(String lowerCased) {
        if (Language.of(lowerCased) != Language.ZH) {
            return lowerCased;
        }
        Matcher m = pattern.matcher(lowerCased);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(" " + entries.get(m.group(1)) + " "));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Glossary load() {
        Map<String, String> table = new HashMap<>();
        try (InputStream in = Glossary.class.getResourceAsStream("glossary.tsv")) {
            if (in == null) {
                throw new IllegalStateException("glossary.tsv is missing from the classpath next to " + Glossary.class);
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
                    throw new IllegalStateException("glossary.tsv line " + lineNo + " must be 'english<TAB>chinese': " + line);
                }
                table.put(parts[0].strip(), parts[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Glossary(table);
    }
}
