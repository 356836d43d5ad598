package io.huida.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites spoken and dialect Chinese into the written forms knowledge bases use ("瞅瞅" → "看",
 * "能退不" → "能退吗", leading "哎我说" dropped), from the regex table {@code colloquial.tsv}.
 */
final class Colloquial {

    private static final Colloquial BUILT_IN = load();

    private record Rule(Pattern pattern, String replacement) {
    }

    private final List<Rule> rules;

    private Colloquial(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static Colloquial builtIn() {
        return BUILT_IN;
    }

    /** Applies every rule in order; text without Chinese is returned unchanged. */
    String rewrite(String text) {
        if (Language.of(text) != Language.ZH) {
            return text;
        }
        String s = text;
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(s);
            if (m.find()) {
                s = m.replaceAll(rule.replacement());
            }
        }
        return s;
    }

    private static Colloquial load() {
        List<Rule> rules = new ArrayList<>();
        for (String[] row : TsvResource.read("colloquial.tsv", true)) {
            rules.add(new Rule(Pattern.compile(row[0]), row[1]));
        }
        return new Colloquial(rules);
    }
}
