package io.huida.engine.text;

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
        for (String[] row : TsvResource.read("glossary.tsv", false)) {
            table.put(row[0].strip(), row[1].strip());
        }
        return new Glossary(table);
    }
}
