package io.huida.server.conversation;

import io.huida.engine.dialog.DialogOptions;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialogConfigTest {

    private final DialogConfig config = new DialogConfig();

    private DialogOptions options(DialogProperties p, LlmProperties llm) {
        return config.dialogOptions(p, llm, config.masker(), new WorkOrderNumbers(), new StandardEnvironment());
    }

    @Test
    void unsetPropertiesKeepTheDefaultPolicy() {
        DialogOptions o = options(new DialogProperties(null, null, null, null, null, null, null, null, null),
                new LlmProperties(null, null, null, null));
        assertThat(o.policy().maxFailures()).isEqualTo(2);
        assertThat(o.policy().vip()).isEqualTo("first-failure");
        assertThat(o.policy().riskTypes()).contains("fraud", "self_harm");
        assertThat(o.masker().apply("电话13812345678")).isEqualTo("电话138****5678");
        assertThat(o.summarizer().summarize("t", "b", true)).isEmpty();
    }

    @Test
    void propertiesChangeThePolicyComplianceAndSummarizer() {
        DialogOptions o = options(new DialogProperties(List.of("找经理"), 0, 0.5, false, Set.of("fraud"), "immediate",
                "http://orders.example:9000", Set.of("general", "finance"), List.of("友商银行")),
                new LlmProperties("http://127.0.0.1:9/v1", "k", null, null));
        assertThat(o.policy().asksForHuman("我要找经理")).isTrue();
        assertThat(o.policy().asksForHuman("转人工")).isFalse();
        assertThat(o.policy().maxFailures()).isZero();
        assertThat(o.policy().onEscalation()).isFalse();
        assertThat(o.policy().vip()).isEqualTo("immediate");
        assertThat(o.compliance().check("本产品保证收益").blocked()).isTrue();
        assertThat(o.compliance().check("友商银行的利率更低").violations()).isNotEmpty();
        assertThat(o.summarizer()).isInstanceOf(LlmSummarizer.class);
    }

    @Test
    void aBadVipRuleFailsNamingTheValue() {
        assertThatThrownBy(() -> options(new DialogProperties(null, null, null, null, null, "sometimes", null, null, null),
                new LlmProperties(null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sometimes'");
    }
}
