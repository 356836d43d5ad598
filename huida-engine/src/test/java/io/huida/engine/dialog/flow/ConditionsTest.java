package io.huida.engine.dialog.flow;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionsTest {

    private static boolean eval(String condition, Map<String, String> vars) {
        return Conditions.parse(condition).test(vars);
    }

    @Test
    void equalityWithBareQuotedAndChineseValues() {
        Map<String, String> vars = Map.of("fault", "无法上网", "vip", "TRUE", "amount", "100.00");
        assertThat(eval("fault == 无法上网", vars)).isTrue();
        assertThat(eval("fault == '网速慢'", vars)).isFalse();
        assertThat(eval("fault != \"网速慢\"", vars)).isTrue();
        assertThat(eval("vip == true", vars)).isTrue();
        assertThat(eval("amount == 100", vars)).isTrue();
        assertThat(eval("fault==无法上网", vars)).isTrue();
    }

    @Test
    void listsNumbersAndPresence() {
        Map<String, String> vars = Map.of("fault", "网速慢", "amount", "250.5", "blank", " ");
        assertThat(eval("fault in [无法上网, 网速慢]", vars)).isTrue();
        assertThat(eval("fault not in [无法上网, '经常掉线']", vars)).isTrue();
        assertThat(eval("amount > 100 and amount <= 250.5", vars)).isTrue();
        assertThat(eval("amount < 100", vars)).isFalse();
        assertThat(eval("fault >= 1", vars)).isFalse();
        assertThat(eval("fault is set", vars)).isTrue();
        assertThat(eval("blank is empty", vars)).isTrue();
        assertThat(eval("missing is empty", vars)).isTrue();
        assertThat(eval("missing is not set", vars)).isTrue();
    }

    @Test
    void missingVariablesAreNeitherEqualNorInALists() {
        assertThat(eval("x == a", Map.of())).isFalse();
        assertThat(eval("x in [a]", Map.of())).isFalse();
        assertThat(eval("x != a", Map.of())).isTrue();
        assertThat(eval("x > 1", Map.of())).isFalse();
    }

    @Test
    void andBindsTighterThanOrAndParenthesesAndNotWork() {
        Map<String, String> vars = Map.of("a", "1", "b", "2", "c", "3");
        assertThat(eval("a == 9 and b == 2 or c == 3", vars)).isTrue();
        assertThat(eval("a == 9 and (b == 2 or c == 3)", vars)).isFalse();
        assertThat(eval("not a == 9 and not (b == 9)", vars)).isTrue();
    }

    @Test
    void knowsItsSourceAndVariables() {
        Condition c = Conditions.parse(" resolved == no and (customer.vip == true or fault in [网速慢]) ");
        assertThat(c.source()).isEqualTo("resolved == no and (customer.vip == true or fault in [网速慢])");
        assertThat(c.variables()).containsExactly("resolved", "customer.vip", "fault");
        assertThat(Conditions.parse("  ")).isSameAs(Condition.ALWAYS);
    }

    @Test
    void errorsNameThePosition() {
        assertThatThrownBy(() -> Conditions.parse("status = 已签收"))
                .hasMessage("condition 'status = 已签收': unknown operator '=' at position 8 (use == or !=)");
        assertThatThrownBy(() -> Conditions.parse("status =="))
                .hasMessage("condition 'status ==': expected a value, got 'end' at position 10");
        assertThatThrownBy(() -> Conditions.parse("amount > lots"))
                .hasMessage("condition 'amount > lots': expected a number after '>', got 'lots' at position 10");
        assertThatThrownBy(() -> Conditions.parse("(a == 1"))
                .hasMessage("condition '(a == 1': expected ')', got 'end' at position 8");
        assertThatThrownBy(() -> Conditions.parse("Status == 1"))
                .hasMessage("condition 'Status == 1': expected a variable name, got 'Status' at position 1");
        assertThatThrownBy(() -> Conditions.parse("a == 1 b"))
                .hasMessage("condition 'a == 1 b': unexpected 'b' at position 8");
        assertThatThrownBy(() -> Conditions.parse("a is there"))
                .hasMessage("condition 'a is there': expected 'set' or 'empty' after 'is' at position 6");
        assertThatThrownBy(() -> Conditions.parse("a == 'x"))
                .hasMessage("condition 'a == 'x': unclosed quote at position 6");
    }
}
