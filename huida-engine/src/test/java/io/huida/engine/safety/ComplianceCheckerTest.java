package io.huida.engine.safety;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ComplianceCheckerTest {

    private static final ComplianceChecker FINANCE = new ComplianceChecker(ComplianceRules.builtIn(Set.of("finance")));
    private static final ComplianceChecker GENERAL = new ComplianceChecker(ComplianceRules.builtIn(Set.of()));

    @ParameterizedTest
    @ValueSource(strings = {
            "这款理财产品保证收益，年化5%",
            "本产品保本保息",
            "稳赚不赔，错过就没有了",
            "这是零风险的投资",
            "保證收益，歡迎諮詢",
            "本基金無風險，穩賺不賠",
            "ＰＬＵＳ会员保证收益",
            "１００％收益",
            "收益翻倍",
            "绝对安全",
            "This fund offers guaranteed returns of 8%",
            "It is completely RISK-FREE",
            "贷款包过",
            "申请即可100%下款",
    })
    void blocksGuaranteedReturnsAndApprovalPromises(String text) {
        ComplianceResult result = FINANCE.check(text);
        assertThat(result.action()).isEqualTo(ComplianceAction.BLOCK);
        assertThat(result.blocked()).isTrue();
        assertThat(result.text()).isNull();
        assertThat(result.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.reason()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "我们不保证收益",
            "理财产品不承诺保本，投资有风险",
            "没有零风险的投资",
            "理財產品不承諾保本，投資有風險",
            "We do not guarantee returns; investing involves risk",
            "There is no risk-free investment",
            "理财非存款，产品有风险，投资须谨慎",
            "第一步，请打开App首页",
            "请您滚动页面到底部",
            "您最好先登录再操作",
            "电池最大容量是5000mAh",
            "",
    })
    void allowsDisclaimersAndOrdinaryText(String text) {
        ComplianceResult result = FINANCE.check(text);
        assertThat(result.action()).as(result.violations().toString()).isEqualTo(ComplianceAction.ALLOW);
        assertThat(result.text()).isSameAs(text);
        assertThat(result.violations()).isEmpty();
    }

    @Test
    void rewritesAbsoluteClaimsToSofterWords() {
        ComplianceResult result = GENERAL.check("本行是全国最好的银行，服务排名第一，国家级品质");
        assertThat(result.action()).isEqualTo(ComplianceAction.REWRITE);
        assertThat(result.text()).isEqualTo("本行是很好的银行，服务领先，高品质");
        assertThat(result.violations()).extracting(ComplianceViolation::ruleId)
                .containsExactly("gen.best", "gen.number-one", "gen.national-grade");
        assertThat(result.violations().get(0).matched()).isEqualTo("全国最好");
    }

    @Test
    void theIdiomFirstTimeIsNoRankingClaim() {
        assertThat(GENERAL.check("商品补货后我们会第一时间通过短信提醒您").action()).isEqualTo(ComplianceAction.ALLOW);
        assertThat(GENERAL.check("销量第一的手机").action()).isEqualTo(ComplianceAction.REWRITE);
    }

    @Test
    void rewritesTraditionalTextAtTheSameOffsets() {
        ComplianceResult result = GENERAL.check("這是市場上最佳的方案，歡迎諮詢");
        assertThat(result.text()).isEqualTo("這是市場上优质的方案，歡迎諮詢");
    }

    @Test
    void rewriteUsesRegexGroups() {
        ComplianceResult result = GENERAL.check("亲，我们保证明天送达哦");
        assertThat(result.text()).isEqualTo("亲，我们预计明天送达（以实际物流为准）哦");
    }

    @Test
    void blockWinsOverRewriteAndListsBoth() {
        ComplianceResult result = FINANCE.check("最佳选择，保证收益");
        assertThat(result.action()).isEqualTo(ComplianceAction.BLOCK);
        assertThat(result.violations()).extracting(ComplianceViolation::action)
                .containsExactly(ComplianceAction.REWRITE, ComplianceAction.BLOCK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"您是傻逼吗", "你有病吧，说了多少遍了", "滚，别烦我", "你這個蠢貨", "You are an IDIOT",
            "Stop asking stupid questions", "你不是白痴吧"})
    void blocksAbuseEvenWhenNegated(String text) {
        assertThat(GENERAL.check(text).action()).isEqualTo(ComplianceAction.BLOCK);
    }

    @Test
    void generalRulesDoNotJudgeFinancialClaims() {
        assertThat(GENERAL.check("保证收益").action()).isEqualTo(ComplianceAction.ALLOW);
    }

    @Test
    void competitorNamesAreBlockedOnlyWhenConfigured() {
        String text = "您也可以去某某银行看看";
        assertThat(GENERAL.check(text).action()).isEqualTo(ComplianceAction.ALLOW);
        ComplianceChecker withCompetitor = new ComplianceChecker(
                ComplianceRules.builtIn(Set.of()).withCompetitors(List.of("某某銀行", " Acme Bank ")));
        ComplianceResult result = withCompetitor.check(text);
        assertThat(result.action()).isEqualTo(ComplianceAction.BLOCK);
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("competitor:某某銀行");
            assertThat(v.matched()).isEqualTo("某某银行");
        });
        assertThat(withCompetitor.check("try ACME BANK instead").blocked()).isTrue();
    }

    @Test
    void companyRulesCombineWithBuiltInOnes() throws Exception {
        ComplianceRules own = ComplianceRules.parse(new StringReader(
                "# our rules\nacme.vip\tREWRITE\t尊贵VIP\t会员\t内部用语 / internal term\n"), "acme.tsv");
        ComplianceChecker checker = new ComplianceChecker(ComplianceRules.builtIn(Set.of("finance")).plus(own));
        ComplianceResult result = checker.check("尊贵ｖｉｐ专享");
        assertThat(result.action()).isEqualTo(ComplianceAction.REWRITE);
        assertThat(result.text()).isEqualTo("会员专享");
    }

    @Test
    void hugeTextIsCheckedQuickly() {
        String text = "您好，这是一段很长的普通回复，包含产品说明和操作步骤。".repeat(4_000) + "保证收益";
        long t0 = System.nanoTime();
        ComplianceResult result = FINANCE.check(text);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
        assertThat(result.blocked()).isTrue();
    }

    @Test
    void aRepeatedTextIsJudgedOnceAndTheMemoryStaysBounded() {
        ComplianceChecker checker = new ComplianceChecker(ComplianceRules.builtIn(Set.of("finance")));
        ComplianceResult first = checker.check("这款理财产品保证收益");
        assertThat(checker.check("这款理财产品保证收益")).isSameAs(first);
        for (int i = 0; i <= ComplianceChecker.REMEMBERED; i++) { // fills the memory: it starts again, results stay right
            assertThat(checker.check("第" + i + "款理财产品保证收益").blocked()).isTrue();
            assertThat(checker.check("第" + i + "个订单已发货").action()).isEqualTo(ComplianceAction.ALLOW);
        }
        ComplianceResult again = checker.check("这款理财产品保证收益");
        assertThat(again).isNotSameAs(first).isEqualTo(first);
    }
}
