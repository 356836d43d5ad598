package io.huida.engine.safety;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An immutable set of compliance rules for outgoing text. Built-in sets per industry ship as resources
 * ({@code io/huida/engine/safety/compliance/<industry>.tsv}); a company adds its own file with {@link #parse},
 * competitor names with {@link #withCompetitors}, and combines sets with {@link #plus}.
 *
 * <p>File format, one rule a line, tab-separated, {@code #} comments:
 * {@code id  action  pattern  replacement  reason  [flags]} — action {@code BLOCK} or {@code REWRITE};
 * pattern a phrase (traditional and full-width spellings are folded) or {@code re:} and a Java regular
 * expression over simplified half-width text (case-insensitive); replacement required for REWRITE
 * ({@code $1} refers to a group), {@code -} for BLOCK; flags {@code literal} when a preceding negation must not
 * excuse the phrase (insults).
 */
public final class ComplianceRules {

    /** The industries with built-in rules; {@code general} is always included. */
    public static final Set<String> INDUSTRIES = Set.of("general", "finance", "ecommerce", "telecom");
    private static final String RESOURCES = "/io/huida/engine/safety/compliance/";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]+");
    private static final Pattern GROUP_REFERENCE = Pattern.compile("(?<!\\\\)\\$(\\d)");

    private final List<ComplianceRule> rules;

    private ComplianceRules(List<ComplianceRule> rules) {
        Set<String> ids = new HashSet<>();
        for (ComplianceRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("duplicate compliance rule id '" + rule.id() + "'");
            }
        }
        this.rules = List.copyOf(rules);
    }

    /** No rules: every text is allowed. */
    public static ComplianceRules none() {
        return new ComplianceRules(List.of());
    }

    /**
     * The built-in rules of {@code general} plus the given industries.
     *
     * @throws IllegalArgumentException naming an unknown industry
     */
    public static ComplianceRules builtIn(Set<String> industries) {
        Set<String> wanted = new TreeSet<>(Set.of("general"));
        for (String industry : industries) {
            String key = industry.strip().toLowerCase(Locale.ROOT);
            if (!INDUSTRIES.contains(key)) {
                throw new IllegalArgumentException("unknown compliance industry '" + industry + "', expected one of "
                        + new TreeSet<>(INDUSTRIES));
            }
            wanted.add(key);
        }
        List<ComplianceRule> all = new ArrayList<>();
        for (String industry : wanted) {
            String name = RESOURCES + industry + ".tsv";
            all.addAll(rules(SafetyTable.readResource(name)));
        }
        return new ComplianceRules(all);
    }

    /**
     * Parses a rules file.
     *
     * @param sourceName how errors name the file
     * @throws IllegalArgumentException naming the source, line and problem of the first bad line
     */
    public static ComplianceRules parse(Reader reader, String sourceName) throws IOException {
        return new ComplianceRules(rules(SafetyTable.read(reader, sourceName)));
    }

    /** These rules and then {@code other}'s; rule ids must stay unique. */
    public ComplianceRules plus(ComplianceRules other) {
        List<ComplianceRule> all = new ArrayList<>(rules);
        all.addAll(other.rules);
        return new ComplianceRules(all);
    }

    /**
     * These rules plus one BLOCK rule per competitor name ({@code competitor:<name>}); names are matched as
     * phrases, traditional and full-width spellings included.
     */
    public ComplianceRules withCompetitors(Collection<String> names) {
        Map<String, ComplianceRule> added = new LinkedHashMap<>();
        for (String name : names) {
            Objects.requireNonNull(name, "competitor name");
            String phrase = name.strip();
            if (phrase.isEmpty()) {
                throw new IllegalArgumentException("competitor name must not be blank");
            }
            SafetyTable.Row row = new SafetyTable.Row("competitors", added.size() + 1, List.of(phrase));
            added.putIfAbsent(phrase, new ComplianceRule("competitor:" + phrase, SafetyTable.pattern(row, 0),
                    ComplianceAction.BLOCK, null, "提及竞争对手 / names a competitor", false));
        }
        List<ComplianceRule> all = new ArrayList<>(rules);
        all.addAll(added.values());
        return new ComplianceRules(all);
    }

    /** The rule ids, in order. */
    public List<String> ruleIds() {
        return rules.stream().map(ComplianceRule::id).toList();
    }

    /** How many rules there are. */
    public int size() {
        return rules.size();
    }

    List<ComplianceRule> rules() {
        return rules;
    }

    /** A phrase rule's replacement is literal; a regex rule's may use {@code $n} for the groups it has. */
    private static String replacement(SafetyTable.Row row, Pattern pattern, String replacement) {
        if (!row.cell(2).startsWith("re:")) {
            return Matcher.quoteReplacement(replacement);
        }
        int groups = pattern.matcher("").groupCount();
        Matcher ref = GROUP_REFERENCE.matcher(replacement);
        while (ref.find()) {
            if (Integer.parseInt(ref.group(1)) > groups) {
                throw row.error("replacement refers to $" + ref.group(1) + " but the pattern has " + groups + " groups");
            }
        }
        if (replacement.contains("${") || replacement.endsWith("$") || replacement.endsWith("\\")) {
            throw row.error("replacement '" + replacement + "' may only use $1..$9 (write \\$ for a dollar sign)");
        }
        return replacement;
    }

    private static List<ComplianceRule> rules(List<SafetyTable.Row> rows) {
        List<ComplianceRule> out = new ArrayList<>(rows.size());
        for (SafetyTable.Row row : rows) {
            out.add(rule(row));
        }
        return out;
    }

    private static ComplianceRule rule(SafetyTable.Row row) {
        if (row.cells().size() < 5 || row.cells().size() > 6) {
            throw row.error("expected 5 or 6 tab-separated columns (id, action, pattern, replacement, reason, "
                    + "[flags]), got " + row.cells().size());
        }
        String id = row.cell(0);
        if (!ID.matcher(id).matches()) {
            throw row.error("rule id must be letters, digits, '_', '.', ':' or '-', got '" + id + "'");
        }
        ComplianceAction action;
        try {
            action = ComplianceAction.valueOf(row.cell(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            action = ComplianceAction.ALLOW;
        }
        if (action == ComplianceAction.ALLOW) {
            throw row.error("action must be BLOCK or REWRITE, got '" + row.cell(1) + "'");
        }
        Pattern pattern = SafetyTable.pattern(row, 2);
        String replacement = row.cell(3);
        if (action == ComplianceAction.REWRITE && (replacement.isEmpty() || replacement.equals("-"))) {
            throw row.error("REWRITE rule '" + id + "' needs a replacement");
        }
        if (row.cell(4).isEmpty()) {
            throw row.error("rule '" + id + "' needs a reason");
        }
        String flags = row.cell(5);
        if (!flags.isEmpty() && !flags.equals("literal")) {
            throw row.error("unknown flag '" + flags + "', expected 'literal' or nothing");
        }
        return new ComplianceRule(id, pattern, action,
                action == ComplianceAction.REWRITE ? replacement(row, pattern, replacement) : null, row.cell(4),
                !flags.equals("literal"));
    }
}
