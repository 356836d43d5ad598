package io.huida.engine.dialog.flow;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {

    @Test
    void fillsPlaceholdersAndRendersMissingVariablesEmpty() {
        assertThat(Templates.render("订单 {order} 当前状态：{status}{eta}", Map.of("order", "YT1", "status", "运输中")))
                .isEqualTo("订单 YT1 当前状态：运输中");
        assertThat(Templates.render("Hi {customer.name}!", Map.of("customer.name", "Li"))).isEqualTo("Hi Li!");
    }

    @Test
    void doubledBracesAreLiteralAndOtherBracesStay() {
        assertThat(Templates.render("{{order}} = {order}", Map.of("order", "A"))).isEqualTo("{order} = A");
        assertThat(Templates.render("{\"a\": \"{x}\", \"b\": { }}", Map.of("x", "1"))).isEqualTo("{\"a\": \"1\", \"b\": { }");
        assertThat(Templates.render("{Order} {1x} {a.} {", Map.of())).isEqualTo("{Order} {1x} {a.} {");
    }

    @Test
    void valuesPassThroughTheEncoder() {
        assertThat(Templates.render("/o/{id}?q={id}", Map.of("id", "a b"), v -> v.replace(" ", "%20")))
                .isEqualTo("/o/a%20b?q=a%20b");
    }

    @Test
    void listsPlaceholdersOnceInOrder() {
        assertThat(Templates.placeholders("{b} {a} {b} {{c}} {customer.vip}")).containsExactly("b", "a", "customer.vip");
        assertThat(Templates.placeholders("no placeholders")).isEmpty();
    }
}
