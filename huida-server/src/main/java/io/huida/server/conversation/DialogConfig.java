package io.huida.server.conversation;

import io.huida.engine.dialog.DialogOptions;
import io.huida.engine.dialog.HandoffPolicy;
import io.huida.engine.dialog.Summarizer;
import io.huida.engine.dialog.flow.HttpBusinessCaller;
import io.huida.engine.safety.ComplianceChecker;
import io.huida.engine.safety.ComplianceRules;
import io.huida.engine.safety.PiiMasker;
import io.huida.engine.safety.RiskDetector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The dialog engine's options from {@code huida.dialog.*} and {@code huida.llm.*}. */
@Configuration(proxyBeanMethods = false)
class DialogConfig {

    /** Masks personal data (phone, ID card, bank card, e-mail) in stored transcripts and summaries. */
    interface Masker extends UnaryOperator<String> {
    }

    @Bean
    Masker masker() {
        PiiMasker pii = new PiiMasker();
        return pii::mask;
    }

    @Bean
    DialogOptions dialogOptions(DialogProperties p, LlmProperties llm, Masker masker, WorkOrderNumbers numbers,
                                Environment env) {
        HandoffPolicy d = HandoffPolicy.defaults();
        HandoffPolicy policy = new HandoffPolicy(
                p.handoffPhrases() == null || p.handoffPhrases().isEmpty() ? d.phrases() : p.handoffPhrases(),
                p.maxFailures() == null ? d.maxFailures() : p.maxFailures(),
                p.angerThreshold() == null ? d.angerThreshold() : p.angerThreshold(),
                p.handoffOnEscalation() == null ? d.onEscalation() : p.handoffOnEscalation(),
                p.handoffRisks() == null || p.handoffRisks().isEmpty() ? d.riskTypes() : p.handoffRisks(),
                p.vip() == null || p.vip().isBlank() ? d.vip() : p.vip(), d.onBusinessFailure());
        // relative URLs go to this server; its port is known only once it listens (random in tests)
        ServerFlowActions actions = new ServerFlowActions(() -> new HttpBusinessCaller(URI.create(
                p.flowsBaseUrl() == null || p.flowsBaseUrl().isBlank()
                        ? "http://127.0.0.1:" + env.getProperty("local.server.port", env.getProperty("server.port", "8080"))
                        : p.flowsBaseUrl())), numbers);
        Summarizer summarizer = llm.configured() ? new LlmSummarizer(llm) : Summarizer.NONE;
        Set<String> industries = new LinkedHashSet<>(p.complianceIndustries() == null || p.complianceIndustries().isEmpty()
                ? Set.of("general") : p.complianceIndustries());
        ComplianceRules rules = ComplianceRules.builtIn(industries);
        if (p.competitors() != null && !p.competitors().isEmpty()) {
            rules = rules.withCompetitors(p.competitors());
        }
        return new DialogOptions(policy, actions, masker, summarizer, RiskDetector.withBuiltInTable(), new ComplianceChecker(rules));
    }
}
