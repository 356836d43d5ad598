package io.huida.engine.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = Colloquial.class.getResourceAsStream("colloquial.tsv")) {
            if (in == null) {
                throw new IllegalStateException("colloquial.tsv is missing from the classpath next to " + Colloquial.class);
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
                if (tab <= 0) {
                    throw new IllegalStateException("colloquial.tsv line " + lineNo + " must be 'regex<TAB>replacement': " + line);
                }
                rules.add(new Rule(Pattern.compile(line.substring(0, tab)), line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Colloquial(rules);
    }
}
