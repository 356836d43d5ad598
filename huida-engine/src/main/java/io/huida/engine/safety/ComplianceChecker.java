package io.huida.engine.safety;

import io.huida.engine.nlu.entity.TextFold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * Checks outgoing text (bot answers, agent drafts) against {@link ComplianceRules}: BLOCK when any blocking rule
 * matches, otherwise REWRITE with every rewriting rule's replacement applied, otherwise ALLOW. Traditional and
 * full-width text is matched in its simplified half-width form; negated uses (我们不保证收益, 没有零风险的投资,
 * we do not guarantee returns) do not count. Thread-safe.
 */
public final class ComplianceChecker {

    private record Edit(int start, int end, String replacement) {
    }

    private record Hit(int start, ComplianceViolation violation) {
    }

    /** Most texts whose results are kept; when full, the memory starts again empty. */
    static final int REMEMBERED = 4096;
    /** Longest text whose result is kept. */
    private static final int REMEMBERED_LENGTH = 4000;

    private final ComplianceRules rules;
    /**
     * Results of texts already checked: a bot mostly repeats its knowledge base's answers and fixed sentences, and a
     * check runs every rule's pattern over the text (about a tenth of a millisecond per reply).
     */
    private final Map<String, ComplianceResult> recent = new ConcurrentHashMap<>();

    /** A checker for {@code rules}. */
    public ComplianceChecker(ComplianceRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Checks {@code text}; {@code null} is rejected. */
    public ComplianceResult check(String text) {
        Objects.requireNonNull(text, "text");
        ComplianceResult known = recent.get(text);
        if (known != null) {
            return known;
        }
        ComplianceResult result = evaluate(text);
        if (text.length() <= REMEMBERED_LENGTH) {
            if (recent.size() >= REMEMBERED) {
                recent.clear();
            }
            recent.put(text, result);
        }
        return result;
    }

    private ComplianceResult evaluate(String text) {
        String folded = TextFold.fold(text);
        List<Hit> hits = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        boolean block = false;
        for (ComplianceRule rule : rules.rules()) {
            Matcher m = rule.pattern().matcher(folded);
            int prevEnd = 0;
            while (m.find()) {
                if (m.end() == m.start() || rule.negatable() && Negation.negated(folded, m.start())) {
                    continue;
                }
                hits.add(new Hit(m.start(), new ComplianceViolation(rule.id(), text.substring(m.start(), m.end()),
                        rule.action(), rule.reason())));
                if (rule.action() == ComplianceAction.BLOCK) {
                    block = true;
                } else {
                    StringBuilder sb = new StringBuilder();
                    m.appendReplacement(sb, rule.replacement());
                    edits.add(new Edit(m.start(), m.end(), sb.substring(m.start() - prevEnd)));
                    prevEnd = m.end();
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start));
        List<ComplianceViolation> violations = hits.stream().map(Hit::violation).toList();
        if (block) {
            return new ComplianceResult(ComplianceAction.BLOCK, null, violations);
        }
        if (edits.isEmpty()) {
            return new ComplianceResult(ComplianceAction.ALLOW, text, List.of());
        }
        return new ComplianceResult(ComplianceAction.REWRITE, apply(text, edits), violations);
    }

    /** Applies the edits left to right; of overlapping ones the earlier, then longer one wins. */
    private static String apply(String text, List<Edit> edits) {
        edits.sort(Comparator.comparingInt(Edit::start).thenComparing(Comparator.comparingInt(Edit::end).reversed()));
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Edit e : edits) {
            if (e.start() < at) {
                continue;
            }
            sb.append(text, at, e.start()).append(e.replacement());
            at = e.end();
        }
        return sb.append(text, at, text.length()).toString();
    }
}
