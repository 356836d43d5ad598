package io.huida.engine.safety;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskDetectorTest {

    private static final RiskDetector DETECTOR = RiskDetector.withBuiltInTable();

    private static List<String> types(String text) {
        return DETECTOR.detect(text).stream().map(Risk::type).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "客服让我把验证码发给他|verification_code",
            "我把验证码告诉了对方|verification_code",
            "對方叫我把驗證碼唸給他|verification_code",
            "Someone called and asked for my SMS code|verification_code",
            "对方让我把钱转到安全账户|safe_account",
            "警察让我转账到指定账户|transfer",
            "刷单返利的兼职，要先垫付|task_scam",
            "自称客服说我的百万保障要关闭|cancel_service",
            "冒充公检法的人打电话给我|impersonation",
            "他说要注销我的校园贷账户，不然影响征信|cancel_service",
            "ｑｑ上有人让我开屏幕共享|screen_share",
    })
    void findsFraudSchemes(String text, String scheme) {
        List<Risk> risks = DETECTOR.detect(text);
        assertThat(risks).extracting(Risk::type).containsExactly("fraud");
        Risk fraud = risks.get(0);
        assertThat(fraud.severity()).isEqualTo("high");
        assertThat(fraud.handoff()).isTrue();
        assertThat(fraud.message()).contains(scheme);
        assertThat(fraud.cues()).anyMatch(c -> c.startsWith(scheme + ": "));
        assertThat(fraud.notice()).containsAnyOf("请勿向任何人透露验证码", "Do not share your code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"有没有保本高收益的理财", "想做股票配资", "P2P还能投吗", "比特币能买吗", "有沒有穩賺不賠的基金",
            "年化20%的产品有吗", "Can I trade crypto with leverage?"})
    void investmentQuestionsGetTheRiskDisclosureWithoutHandoff(String text) {
        List<Risk> risks = DETECTOR.detect(text);
        assertThat(risks).extracting(Risk::type).containsExactly("investment_high_risk");
        assertThat(risks.get(0).handoff()).isFalse();
        assertThat(risks.get(0).notice()).containsAnyOf("市场有风险，投资需谨慎", "all investments carry risk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"我不想活了", "想自杀", "活着没意思", "有轻生的念头", "准备跳楼", "我覺得活著沒有意義",
            "累死了不想活了哈哈"})
    void selfHarmHandsOffWithHotlines(String text) {
        List<Risk> risks = DETECTOR.detect(text);
        assertThat(risks).extracting(Risk::type).containsExactly("self_harm");
        Risk risk = risks.get(0);
        assertThat(risk.severity()).isEqualTo("critical");
        assertThat(risk.handoff()).isTrue();
        assertThat(risk.notice()).contains("400-161-9995", "010-82951332");
        assertThat(RiskDetector.handoff(risks)).isTrue();
    }

    @Test
    void englishTextGetsTheEnglishNotice() {
        Risk risk = DETECTOR.detect("I want to die").get(0);
        assertThat(risk.type()).isEqualTo("self_harm");
        assertThat(risk.notice()).startsWith("I'm really sorry").contains("400-161-9995");
    }

    @ParameterizedTest
    @ValueSource(strings = {"验证码收不到怎么办", "怎么修改登录密码", "我要转账给我妈，手续费多少", "这个价格要我命啊",
            "累死了", "跳楼价清仓", "想死你们了", "你们这服务让人想死的心都有了", "我没有把验证码给别人", "我不会自杀的",
            "I can't receive the verification code", "This price is killing me", "I don't want to die",
            "有没有保证收益的产品？没有吧", "", "   "})
    void ordinaryAndNegatedMessagesRaiseNothing(String text) {
        if (text.startsWith("有没有保证收益")) {
            // 有没有 is a question, not a negation: the first clause still asks for guaranteed returns
            assertThat(types(text)).containsExactly("investment_high_risk");
        } else {
            assertThat(DETECTOR.detect(text)).as(text).isEmpty();
        }
    }

    @Test
    void nullIsNoRisk() {
        assertThat(DETECTOR.detect(null)).isEmpty();
    }

    @Test
    void severalTypesAtOnceInTableOrder() {
        assertThat(types("导师带单炒币，让我往私人账户打款，亏光了不想活了"))
                .containsExactly("self_harm", "fraud", "investment_high_risk");
    }

    @Test
    void hugeInputIsLinear() {
        String text = "请问我的订单什么时候发货，谢谢。".repeat(7_000) + "客服让我把验证码发给他";
        long t0 = System.nanoTime();
        assertThat(types(text)).containsExactly("fraud");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void customTablesParseAndNameBadLines() throws Exception {
        RiskDetector custom = RiskDetector.parse(new StringReader(
                "type\tspam\tlow\tno\t广告 / spam\t请勿发送广告\tNo ads please\ncue\tspam\tlink\tre:加我微信\n"), "own.tsv");
        assertThat(custom.types()).containsExactly("spam");
        assertThat(custom.detect("加我微信领红包")).singleElement().satisfies(r -> {
            assertThat(r.message()).isEqualTo("广告 / spam (link)");
            assertThat(r.cues()).containsExactly("link: 加我微信");
        });
        assertThatThrownBy(() -> RiskDetector.parse(new StringReader("cue\tspam\tlink\tre:x\n"), "own.tsv"))
                .hasMessage("own.tsv line 1: cue for undeclared risk type 'spam'");
        assertThatThrownBy(() -> RiskDetector.parse(new StringReader(
                "type\tspam\tsevere\tno\tm\tzh\ten\n"), "own.tsv"))
                .hasMessage("own.tsv line 1: unknown severity 'severe', expected one of [low, medium, high, critical]");
        assertThatThrownBy(() -> RiskDetector.parse(new StringReader(
                "type\tspam\tlow\tmaybe\tm\tzh\ten\n"), "own.tsv"))
                .hasMessage("own.tsv line 1: handoff must be 'yes' or 'no', got 'maybe'");
        assertThatThrownBy(() -> RiskDetector.parse(new StringReader(
                "type\tspam\tlow\tno\tm\tzh\ten\n\ncue\tspam\tlink\t加我\n"), "own.tsv"))
                .hasMessage("own.tsv line 3: cue pattern must start with 're:', got '加我'");
        assertThatThrownBy(() -> RiskDetector.parse(new StringReader(
                "type\tspam\tlow\tno\tm\tzh\ten\ncue\tspam\tlink\tre:[\n"), "own.tsv"))
                .hasMessageStartingWith("own.tsv line 2: bad regular expression '['");
        assertThatThrownBy(() -> RiskDetector.parse(new StringReader("rule\tx\n"), "own.tsv"))
                .hasMessage("own.tsv line 1: row kind must be 'type' or 'cue', got 'rule'");
    }

    @Test
    void riskRejectsUnknownSeverity() {
        assertThatThrownBy(() -> new Risk("fraud", "extreme", "m", List.of(), true, "n"))
                .hasMessage("unknown risk severity 'extreme', expected one of [low, medium, high, critical]");
    }
}
