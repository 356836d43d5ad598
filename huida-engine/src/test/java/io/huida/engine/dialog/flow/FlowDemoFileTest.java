package io.huida.engine.dialog.flow;

import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's demo flows file parses and holds the demo's flows. */
class FlowDemoFileTest {

    private static final Path DEMO = Path.of("../huida-server/src/main/resources/demo/flows.yaml");

    private static FlowSet demo() throws Exception {
        try (Reader reader = Files.newBufferedReader(DEMO)) {
            return new FlowParser().parse(reader);
        }
    }

    @Test
    void demoFileParses() throws Exception {
        FlowSet set = demo();
        assertThat(set.flows()).extracting(Flow::id).containsExactly("order_status", "change_address", "refund_progress",
                "broadband_fault", "bill_current", "bill_history", "card_loss");
        assertThat(set.clarifications()).extracting(Clarification::id).containsExactly("bill", "cancel");
        assertThat(set.flows()).allSatisfy(f -> assertThat(f.triggers()).hasSizeBetween(6, 12));
        assertThat(set.clarifications()).allSatisfy(c -> assertThat(c.triggers()).hasSizeBetween(6, 12));
    }

    @Test
    void broadbandFaultAsksThenTicketsOnlyWhenUnresolved() throws Exception {
        Flow flow = demo().flow("broadband_fault").orElseThrow();
        assertThat(flow.slots()).extracting(Slot::name).containsExactly("fault", "region", "phone");
        assertThat(flow.slot("fault").choices()).containsExactly("无法上网", "网速慢", "经常掉线");
        assertThat(flow.slot("region").entity()).isEqualTo("location");
        Step.Confirm confirm = flow.steps().stream().filter(Step.Confirm.class::isInstance).map(Step.Confirm.class::cast)
                .findFirst().orElseThrow();
        assertThat(confirm.question().zh()).isEqualTo("按上面的步骤操作后，问题解决了吗？");
        assertThat(confirm.variable()).isEqualTo("resolved");
        assertThat(confirm.declined()).isNull();
        Step.Ticket ticket = flow.steps().stream().filter(Step.Ticket.class::isInstance).map(Step.Ticket.class::cast)
                .findFirst().orElseThrow();
        assertThat(ticket.category()).isEqualTo("宽带故障");
        assertThat(ticket.when().test(Map.of("resolved", "no"))).isTrue();
        assertThat(ticket.when().test(Map.of("resolved", "yes"))).isFalse();
        long selfHelp = flow.steps().stream().filter(s -> s instanceof Step.Answer && s.when().variables().contains("fault")).count();
        assertThat(selfHelp).isEqualTo(3);
    }

    @Test
    void cardLossRaisesItsRiskAndHandsOver() throws Exception {
        Flow flow = demo().flow("card_loss").orElseThrow();
        assertThat(flow.risk()).isEqualTo("card_loss");
        assertThat(flow.slot("last4").validation().matcher("1234").matches()).isTrue();
        assertThat(flow.slot("last4").required()).isFalse();
        Step last = flow.steps().get(flow.steps().size() - 1);
        assertThat(last).isInstanceOfSatisfying(Step.Handoff.class, h -> assertThat(h.skill()).isEqualTo("信用卡"));
    }

    @Test
    void businessCallsGoToTheDemoService() throws Exception {
        FlowSet set = demo();
        Step.Http status = (Step.Http) set.flow("order_status").orElseThrow().steps().get(0);
        assertThat(status.url()).isEqualTo("/api/v1/demo/orders/{order}");
        Step.Http change = (Step.Http) set.flow("change_address").orElseThrow().steps().get(1);
        assertThat(change.method()).isEqualTo("POST");
        assertThat(Templates.render(change.body(), Map.of("address", "上海市\"浦东\""))).isEqualTo("{\"address\":\"上海市\"浦东\"\"}");
        assertThat(set.clarification("bill").orElseThrow().choices()).extracting(Clarification.Choice::flow)
                .containsExactly("bill_current", "bill_history");
        assertThat(set.clarification("cancel").orElseThrow().choices()).allSatisfy(c -> assertThat(c.answer()).isNotNull());
    }
}
