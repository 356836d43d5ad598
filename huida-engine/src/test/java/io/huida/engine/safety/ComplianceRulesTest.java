package io.huida.engine.safety;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceRulesTest {

    private static ComplianceRules parse(String text) throws Exception {
        return ComplianceRules.parse(new StringReader(text), "own.tsv");
    }

    @Test
    void everyIndustryLoadsAndGeneralIsAlwaysIncluded() {
        ComplianceRules general = ComplianceRules.builtIn(Set.of());
        assertThat(general.ruleIds()).contains("gen.abuse-zh").noneMatch(id -> id.startsWith("fin."));
        ComplianceRules all = ComplianceRules.builtIn(ComplianceRules.INDUSTRIES);
        assertThat(all.ruleIds()).contains("gen.best", "fin.no-risk", "ecom.off-platform", "tel.never-throttle");
        assertThat(ComplianceRules.builtIn(Set.of(" Finance ")).size()).isGreaterThan(general.size());
    }

    @Test
    void unknownIndustryIsNamed() {
        assertThatThrownBy(() -> ComplianceRules.builtIn(Set.of("mining")))
                .hasMessage("unknown compliance industry 'mining', expected one of [ecommerce, finance, general, telecom]");
    }

    @Test
    void parsesPhrasesRegexesAndFlags() throws Exception {
        ComplianceRules rules = parse("""
                # comment

                a.one\tBLOCK\t内部价\t-\t泄露内部价格
                a.two\tREWRITE\tre:亲{2,}\t亲\t重复称呼\tliteral
                """);
        assertThat(rules.ruleIds()).containsExactly("a.one", "a.two");
        assertThat(rules.rules().get(1).negatable()).isFalse();
        assertThat(new ComplianceChecker(rules).check("亲亲亲，在的").text()).isEqualTo("亲，在的");
    }

    @Test
    void malformedLinesAreNamedByLineAndReason() {
        assertThatThrownBy(() -> parse("# head\nx\tBLOCK\tfoo\n"))
                .hasMessage("own.tsv line 2: expected 5 or 6 tab-separated columns (id, action, pattern, replacement, "
                        + "reason, [flags]), got 3");
        assertThatThrownBy(() -> parse("x\tDELETE\tfoo\t-\twhy\n"))
                .hasMessage("own.tsv line 1: action must be BLOCK or REWRITE, got 'DELETE'");
        assertThatThrownBy(() -> parse("ok\tBLOCK\tfoo\t-\twhy\nbad\tBLOCK\tre:foo(\t-\twhy\n"))
                .hasMessageStartingWith("own.tsv line 2: bad regular expression 'foo(': Unclosed group");
        assertThatThrownBy(() -> parse("x\tREWRITE\tfoo\t-\twhy\n"))
                .hasMessage("own.tsv line 1: REWRITE rule 'x' needs a replacement");
        assertThatThrownBy(() -> parse("x\tBLOCK\t \t-\twhy\n")).hasMessage("own.tsv line 1: empty pattern");
        assertThatThrownBy(() -> parse("x\tBLOCK\tfoo\t-\t\n")).hasMessage("own.tsv line 1: rule 'x' needs a reason");
        assertThatThrownBy(() -> parse("x y\tBLOCK\tfoo\t-\twhy\n"))
                .hasMessage("own.tsv line 1: rule id must be letters, digits, '_', '.', ':' or '-', got 'x y'");
        assertThatThrownBy(() -> parse("x\tBLOCK\tfoo\t-\twhy\tloud\n"))
                .hasMessage("own.tsv line 1: unknown flag 'loud', expected 'literal' or nothing");
    }

    @Test
    void phraseReplacementsAreLiteralAndRegexReplacementsNameTheirGroups() throws Exception {
        ComplianceRules rules = parse("p\tREWRITE\t原价\t$5 起\t价格表述\n"
                + "r\tREWRITE\tre:(\\d+)折\t$1 折（以页面为准）\t折扣表述\n");
        assertThat(new ComplianceChecker(rules).check("原价8折").text()).isEqualTo("$5 起8 折（以页面为准）");
        assertThatThrownBy(() -> parse("r\tREWRITE\tre:(\\d+)折\t$2 折\t折扣\n"))
                .hasMessage("own.tsv line 1: replacement refers to $2 but the pattern has 1 groups");
        assertThatThrownBy(() -> parse("r\tREWRITE\tre:折\t${x}\t折扣\n"))
                .hasMessage("own.tsv line 1: replacement '${x}' may only use $1..$9 (write \\$ for a dollar sign)");
    }

    @Test
    void duplicateIdsAreRejected() throws Exception {
        ComplianceRules own = parse("gen.best\tBLOCK\tfoo\t-\twhy\n");
        assertThatThrownBy(() -> ComplianceRules.builtIn(Set.of()).plus(own))
                .hasMessage("duplicate compliance rule id 'gen.best'");
    }

    @Test
    void blankCompetitorIsRejected() {
        assertThatThrownBy(() -> ComplianceRules.none().withCompetitors(List.of(" ")))
                .hasMessage("competitor name must not be blank");
    }

    @Test
    void emptyRulesAllowEverything() {
        assertThat(new ComplianceChecker(ComplianceRules.none()).check("保证收益").action())
                .isEqualTo(ComplianceAction.ALLOW);
    }
}
