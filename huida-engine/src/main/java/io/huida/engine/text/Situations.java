package io.huida.engine.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Service concepts named by how a customer describes a situation (杯子裂了 → 商品破损), from {@code situations.tsv}. */
public final class Situations {

    private record Rule(Pattern pattern, String concept) {
    }

    private static final List<Rule> RULES = load();

    private Situations() {
    }

    /** {@code normalized} followed by the concepts its situations name, or unchanged when it names none. */
    public static String expand(String normalized) {
        return expand(normalized, concepts(normalized));
    }

    /** {@code normalized} followed by those of {@code concepts} it does not already contain. */
    public static String expand(String normalized, Set<String> concepts) {
        StringBuilder out = new StringBuilder(normalized);
        for (String c : concepts) {
            if (!normalized.contains(c)) {
                out.append(' ').append(c);
            }
        }
        return out.toString();
    }

    /** The concepts the situations described in {@code normalized} name, in the file's order. */
    public static Set<String> concepts(String normalized) {
        Set<String> concepts = new LinkedHashSet<>();
        for (Rule r : RULES) {
            if (r.pattern().matcher(normalized).find()) {
                concepts.add(r.concept());
            }
        }
        return concepts;
    }

    private static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        for (String[] row : TsvResource.read("situations.tsv", false)) {
            rules.add(new Rule(Pattern.compile(row[0]), row[1]));
        }
        return List.copyOf(rules);
    }
}
