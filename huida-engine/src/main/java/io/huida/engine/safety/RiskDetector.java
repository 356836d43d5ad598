package io.huida.engine.safety;

import io.huida.engine.nlu.entity.TextFold;
import io.huida.engine.text.Language;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds risks in incoming customer text from a cue table ({@code io/huida/engine/safety/risk.tsv}):
 * <ul>
 *   <li>{@code self_harm} (critical, hand-off): suicidal or self-harm statements; the notice gives crisis hotlines.
 *       Joking context (累死了不想活了哈哈) is not discounted: a missed cry for help costs more than a gentle notice.</li>
 *   <li>{@code fraud} (high, hand-off): one type, its schemes named in the message and cues — verification_code
 *       (asked for, or already given away), safe_account, transfer (to a designated/private account on someone's
 *       instruction), advance_fee, task_scam (刷单返利), impersonation (fake customer service, police, bank),
 *       cancel_service (百万保障/校园贷 “closing” calls), screen_share, scan_refund.</li>
 *   <li>{@code investment_high_risk} (medium, no hand-off): guaranteed or very high yields, leverage, 配资, P2P,
 *       crypto; the notice is the mandatory risk disclosure.</li>
 * </ul>
 * Text is folded (traditional to simplified, full-width to half-width) first; a cue preceded by a negation in its
 * clause (我没有把验证码给别人, I don't want to die) does not count. Deterministic and thread-safe.
 */
public final class RiskDetector {

    private static final String RESOURCE = "/io/huida/engine/safety/risk.tsv";

    private final List<RiskTable.Type> types;

    private RiskDetector(List<RiskTable.Type> types) {
        this.types = List.copyOf(types);
    }

    /** A detector with the built-in cue table. */
    public static RiskDetector withBuiltInTable() {
        return new RiskDetector(RiskTable.parse(SafetyTable.readResource(RESOURCE)));
    }

    /**
     * A detector with a custom cue table in the format of the built-in one.
     *
     * @throws IllegalArgumentException naming the source and line of the first bad line
     */
    public static RiskDetector parse(Reader reader, String sourceName) throws IOException {
        return new RiskDetector(RiskTable.parse(SafetyTable.read(reader, sourceName)));
    }

    /** The risk types this detector knows, in table order. */
    public List<String> types() {
        return types.stream().map(RiskTable.Type::name).toList();
    }

    /** The risks in {@code text}, in table order (the built-in table lists self_harm first); empty for null. */
    public List<Risk> detect(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = TextFold.fold(text);
        boolean chinese = Language.of(folded) == Language.ZH;
        List<Risk> risks = new ArrayList<>();
        for (RiskTable.Type type : types) {
            Set<String> schemes = new LinkedHashSet<>();
            List<String> cues = new ArrayList<>();
            for (RiskTable.Cue cue : type.cues()) {
                Matcher m = cue.pattern().matcher(folded);
                while (m.find()) {
                    if (m.end() > m.start() && !(cue.negatable() && Negation.negated(folded, m.start()))) {
                        schemes.add(cue.scheme());
                        cues.add(cue.scheme() + ": " + text.substring(m.start(), m.end()));
                    }
                }
            }
            if (!schemes.isEmpty()) {
                risks.add(new Risk(type.name(), type.severity(), type.message() + " (" + String.join(", ", schemes) + ")",
                        cues, type.handoff(), chinese ? type.noticeZh() : type.noticeEn()));
            }
        }
        return List.copyOf(risks);
    }

    /** True when any risk in {@code risks} asks for a person. */
    public static boolean handoff(List<Risk> risks) {
        Objects.requireNonNull(risks, "risks");
        return risks.stream().anyMatch(Risk::handoff);
    }
}
