package io.huida.server.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Set;

/**
 * How conversations are handled, bound from {@code huida.dialog.*} (or {@code HUIDA_DIALOG_MAX_FAILURES} …).
 *
 * @param handoffPhrases   what counts as asking for a human (default: 转人工, 人工客服, 找真人, human, agent …)
 * @param maxFailures      consecutive unanswered turns before handoff (default 2; 0 never)
 * @param angerThreshold   anger intensity 0..1 that hands over at once (default 0.75)
 * @param handoffOnEscalation hand over when the emotion trend escalates (default true)
 * @param handoffRisks     risk types that hand over at once (default fraud, self_harm, card_loss)
 * @param vip              immediate, first-failure (default) or never
 * @param flowsBaseUrl     base of relative URLs in flows' HTTP steps (default this server, http://127.0.0.1:${server.port})
 * @param complianceIndustries built-in compliance rule sets for outgoing text: general, finance, ecommerce, telecom
 *                         (default general)
 * @param competitors      competitor names the bot must not mention
 */
@ConfigurationProperties("huida.dialog")
public record DialogProperties(List<String> handoffPhrases, Integer maxFailures, Double angerThreshold,
                               Boolean handoffOnEscalation, Set<String> handoffRisks, String vip, String flowsBaseUrl,
                               Set<String> complianceIndustries, List<String> competitors) {
}
