package io.huida.engine.safety;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A risk found in an incoming customer message.
 *
 * @param type     {@code fraud}, {@code investment_high_risk} or {@code self_harm} (or a type of a custom table)
 * @param severity {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param message  what the API shows: the type's description and the schemes found, e.g.
 *                 {@code 疑似电信网络诈骗 / possible fraud (verification_code, safe_account)}
 * @param cues     the evidence, each {@code scheme: matched text}
 * @param handoff  whether the conversation must go to a person
 * @param notice   what the bot must say or append, in the message's language (Chinese or English)
 */
public record Risk(String type, String severity, String message, List<String> cues, boolean handoff, String notice) {

    /** The severities, weakest first. */
    public static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
    private static final Set<String> KNOWN = Set.copyOf(SEVERITIES);

    /** Validates the fields. */
    public Risk {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(notice, "notice");
        cues = List.copyOf(cues);
        if (!KNOWN.contains(severity)) {
            throw new IllegalArgumentException("unknown risk severity '" + severity + "', expected one of " + SEVERITIES);
        }
    }
}
