package io.huida.engine.dialog.flow;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FlowParserTest {

    static final String ORDER_STATUS = """
            flows:
              - id: order_status
                name: {zh: 查询订单, en: Order status}
                triggers: [我的快递到哪了, 查一下我的订单, where is my parcel]
                expiry: 45s
                slots:
                  - name: order
                    entity: order_number
                    prompt: {zh: 请告诉我您的订单号, en: 'What is your order number?'}
                    validate: '^[A-Z]{2}\\d{10,16}$'
                    invalid: 订单号格式不对
                    max_retries: 3
                steps:
                  - http: {method: get, url: '/api/v1/demo/orders/{order}', timeout: 2s, retries: 1,
                           fields: {status: /status, eta: /eta}, failure: 抱歉，订单系统暂时无法访问}
                  - when: status == 已签收
                    answer: 订单 {order} 已签收。
                  - answer: {zh: '订单 {order} 当前状态：{status}，预计 {eta} 送达。', en: 'Order {order}: {status}, ETA {eta}.'}
            """;

    private final FlowParser parser = new FlowParser();

    @Test
    void readsAFlowWithSlotsAndSteps() throws Exception {
        FlowSet set = parser.parse(new StringReader(ORDER_STATUS));
        Flow flow = set.flow("order_status").orElseThrow();
        assertThat(flow.name().en()).isEqualTo("Order status");
        assertThat(flow.triggers()).hasSize(3);
        assertThat(flow.expiry()).isEqualTo(Duration.ofSeconds(45));
        assertThat(flow.risk()).isNull();
        Slot order = flow.slot("order");
        assertThat(order.entity()).isEqualTo("order_number");
        assertThat(order.required()).isTrue();
        assertThat(order.maxRetries()).isEqualTo(3);
        assertThat(order.validation().matcher("YT2026112200001").matches()).isTrue();
        assertThat(order.invalid().en()).isEqualTo("订单号格式不对");
        assertThat(order.when()).isSameAs(Condition.ALWAYS);
        assertThat(flow.steps()).hasSize(3);
        Step.Http http = (Step.Http) flow.steps().get(0);
        assertThat(http.method()).isEqualTo("GET");
        assertThat(http.url()).isEqualTo("/api/v1/demo/orders/{order}");
        assertThat(http.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(http.retries()).isEqualTo(1);
        assertThat(http.fields()).isEqualTo(Map.of("status", "/status", "eta", "/eta"));
        assertThat(http.body()).isNull();
        Step.Answer signed = (Step.Answer) flow.steps().get(1);
        assertThat(signed.when().test(Map.of("status", "已签收"))).isTrue();
        assertThat(((Step.Answer) flow.steps().get(2)).template().en()).isEqualTo("Order {order}: {status}, ETA {eta}.");
    }

    @Test
    void readsConfirmTicketHandoffBodiesAndDefaults() {
        FlowSet set = parser.parse("""
                flows:
                  - id: change_address
                    triggers: [改地址, 修改收货地址, change my address]
                    risk: address_change
                    slots:
                      - {name: order, entity: order_number, prompt: 订单号？}
                      - {name: address, entity: text, prompt: 新地址？, required: false, when: order is set}
                    steps:
                      - confirm: 确认把地址改为 {address} 吗？
                      - confirm: {question: 'Sure, {customer.name}?', variable: sure, declined: 好的}
                      - http:
                          method: POST
                          url: 'https://example.com/orders/{order}/address'
                          headers: {X-Customer: '{customer.id}'}
                          body: {address: '{address}', notify: true, count: 2, tags: [a, '{order}'], none: null}
                          fields: {ok: /ok}
                      - ticket: {category: 地址变更, title: '{order} 改地址', message: '工单 {ticket_id} 已创建'}
                      - handoff: {reason: 需要人工核实, message: 正在转接…}
                        when: ok != true or sure == no
                """);
        Flow flow = set.flows().get(0);
        assertThat(flow.name().zh()).isEqualTo("change_address");
        assertThat(flow.expiry()).isEqualTo(Duration.ofMinutes(30));
        assertThat(flow.risk()).isEqualTo("address_change");
        assertThat(flow.slot("address").required()).isFalse();
        assertThat(flow.slot("address").maxRetries()).isEqualTo(2);
        assertThat(flow.slot("address").when().source()).isEqualTo("order is set");
        Step.Confirm plain = (Step.Confirm) flow.steps().get(0);
        assertThat(plain.variable()).isEqualTo("confirmed");
        assertThat(plain.declined()).isNull();
        Step.Confirm named = (Step.Confirm) flow.steps().get(1);
        assertThat(named.variable()).isEqualTo("sure");
        assertThat(named.declined().zh()).isEqualTo("好的");
        Step.Http http = (Step.Http) flow.steps().get(2);
        assertThat(http.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(http.headers()).containsEntry("X-Customer", "{customer.id}");
        assertThat(Templates.render(http.body(), Map.of("address", "A", "order", "O")))
                .isEqualTo("{\"address\":\"A\",\"notify\":true,\"count\":2,\"tags\":[\"a\",\"O\"],\"none\":null}");
        assertThat(http.failure()).isEqualTo(StepParser.DEFAULT_FAILURE);
        Step.Ticket ticket = (Step.Ticket) flow.steps().get(3);
        assertThat(ticket.category()).isEqualTo("地址变更");
        Step.Handoff handoff = (Step.Handoff) flow.steps().get(4);
        assertThat(handoff.skill()).isNull();
        assertThat(handoff.when().variables()).containsExactly("ok", "sure");
    }

    @Test
    void readsClarificationsWhoseChoicesNameFlowsFaqsOrAnswers() {
        FlowSet set = parser.parse(ORDER_STATUS + """
                clarifications:
                  - id: bill
                    triggers: [查账单, 我要看账单, 账单]
                    question: {zh: 您想查询哪一类账单？, en: 'Which bill?'}
                    choices:
                      - {label: 本月账单, keywords: [本月, 这个月], flow: order_status}
                      - {label: {zh: 历史账单, en: Past bills}, faq: faq_42}
                      - {label: 其他, answer: 请描述您的问题}
                """);
        Clarification bill = set.clarification("bill").orElseThrow();
        assertThat(bill.intent()).isEqualTo("clarify:bill");
        assertThat(bill.choices()).extracting(Clarification.Choice::flow).containsExactly("order_status", null, null);
        assertThat(bill.choices().get(0).keywords()).containsExactly("本月", "这个月");
        assertThat(bill.choices().get(1).faq()).isEqualTo("faq_42");
        assertThat(bill.choices().get(1).label().en()).isEqualTo("Past bills");
        assertThat(bill.choices().get(2).answer().zh()).isEqualTo("请描述您的问题");
    }

    @Test
    void emptyFilesAreEmptySets() {
        assertThat(parser.parse("")).isEqualTo(FlowSet.empty());
        assertThat(parser.parse("# nothing yet\n")).isEqualTo(FlowSet.empty());
        assertThat(parser.parse("flows: []\n").isEmpty()).isTrue();
    }

    @Test
    void errorsCarryLineColumnAndReason() {
        FlowFormatException e = catchThrowableOfType(FlowFormatException.class,
                () -> parser.parse(ORDER_STATUS.replace("entity: order_number", "entity: ordr")));
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.column()).isEqualTo(17);
        assertThat(e.reason()).startsWith("slot 'order' of flow 'order_status' has unknown entity type 'ordr' (known: phone, email,");
        assertThat(e).hasMessage("line 8: slot 'order' of flow 'order_status' has unknown entity type 'ordr' (known: phone, "
                + "email, order_number, datetime, money, quantity, id_card, bank_card, location, product, choice, text)");
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
    }
}
