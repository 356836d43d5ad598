package io.huida.engine.dialog;

import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.ReplyType;
import io.huida.engine.safety.ComplianceChecker;
import io.huida.engine.safety.ComplianceRules;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DialogSafetyTest {

    @Test
    void aCustomerTrickedIntoGivingAwayACodeGoesToAHumanWithAWarning() {
        BotReply h = new DialogEngineTest.Chat().say("刚才有个自称客服的人打电话让我把短信验证码告诉他，我已经发过去了");
        assertThat(h.type()).isEqualTo(ReplyType.HANDOFF);
        assertThat(h.handoff().reason()).isEqualTo("risk");
        assertThat(h.risks()).extracting(BotReply.RiskFlag::type).contains("fraud");
        assertThat(h.text()).contains("验证码");
    }

    @Test
    void selfHarmGetsTheHotlineAndAnImmediateHandoff() {
        BotReply h = new DialogEngineTest.Chat().say("我真的不想活了");
        assertThat(h.type()).isEqualTo(ReplyType.HANDOFF);
        assertThat(h.risks()).extracting(BotReply.RiskFlag::type).contains("self_harm");
        assertThat(h.text()).contains("400-161-9995");
    }

    @Test
    void aHighRiskInvestmentQuestionGetsTheRiskDisclosureButNoHandoff() {
        BotReply r = new DialogEngineTest.Chat().say("有没有保本高收益的理财产品推荐");
        assertThat(r.type()).isNotEqualTo(ReplyType.HANDOFF);
        assertThat(r.risks()).extracting(BotReply.RiskFlag::type).contains("investment_high_risk");
        assertThat(r.text()).contains("风险");
    }

    @Test
    void outgoingTextIsRewrittenOrWithheldByTheComplianceRules() throws Exception {
        ComplianceRules rules = ComplianceRules.builtIn(Set.of("general")).plus(ComplianceRules.parse(new StringReader(
                "t1\tREWRITE\t运输中\t配送中\t统一用语\n"
                        + "t2\tBLOCK\t128.00\t-\t金额须由人工确认\n"), "test-rules.tsv"));
        DialogEngine engine = TestDialog.engine(DialogOptions.of(new TestDialog.FakeActions())
                .withCompliance(new ComplianceChecker(rules)));
        DialogEngineTest.Chat chat = new DialogEngineTest.Chat(engine, Customer.ANONYMOUS);
        BotReply rewritten = chat.say("帮我查下订单号YT2026112200002的快递到哪了");
        assertThat(rewritten.text()).contains("配送中").doesNotContain("运输中");
        assertThat(rewritten.compliance().action()).isEqualTo("rewrite");
        assertThat(rewritten.compliance().reasons()).anyMatch(r -> r.startsWith("t1"));
        BotReply blocked = new DialogEngineTest.Chat(engine, Customer.ANONYMOUS).say("查本月账单");
        assertThat(blocked.text()).doesNotContain("128.00").contains("人工客服");
        assertThat(blocked.compliance().action()).isEqualTo("block");
    }

    @Test
    void personalDataIsMaskedInTheTranscriptAndTheAgentSummary() {
        DialogEngineTest.Chat chat = new DialogEngineTest.Chat();
        chat.say("家里宽带坏了");
        chat.say("无法上网");
        chat.say("北京市朝阳区");
        chat.say("我的电话13812345678，身份证11010519491231002X");
        BotReply h = chat.say("转人工");
        String everything = chat.state.transcript() + h.handoff().summary() + chat.state.facts();
        assertThat(everything).doesNotContain("13812345678", "11010519491231002X").contains("138****5678");
        assertThat(h.handoff().summary()).contains("宽带故障");
    }
}
