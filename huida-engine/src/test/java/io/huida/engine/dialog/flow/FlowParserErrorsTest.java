package io.huida.engine.dialog.flow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invalid flows files: each error names the line and the bad value (messages are quoted in docs/flows.md). */
class FlowParserErrorsTest {

    private static final String HEAD = """
            flows:
              - id: order_status
                triggers: [我的快递到哪了, 查一下我的订单, where is my parcel]
            """;
    private static final String SLOT = """
                slots:
                  - name: order
                    entity: order_number
                    prompt: 请告诉我您的订单号
            """;

    private final FlowParser parser = new FlowParser();

    private String error(String yaml) {
        return assertThatThrownBy(() -> parser.parse(yaml)).isInstanceOf(FlowFormatException.class)
                .actual().getMessage();
    }

    private String flow(String slotsAndSteps) {
        return error(HEAD + slotsAndSteps);
    }

    @Test
    void unknownKeysSuggestNearMisses() {
        assertThat(flow(SLOT.replace("prompt:", "promt:") + "    steps: [{answer: hi}]\n"))
                .isEqualTo("line 7: unknown key 'promt' in slot 'order' of flow 'order_status'; did you mean 'prompt'?");
        assertThat(flow("    stepz: [{answer: hi}]\n"))
                .isEqualTo("line 4: unknown key 'stepz' in flow 'order_status'; did you mean 'steps'?");
        assertThat(error("flow: []\n")).isEqualTo("line 1: unknown key 'flow' in the flows file; did you mean 'flows'?");
        assertThat(error("intents: []\n")).isEqualTo("line 1: unknown key 'intents' in the flows file (allowed: flows, clarifications)");
    }

    @Test
    void idsTriggersAndStepsAreChecked() {
        assertThat(error(HEAD.replace("order_status", "Order-Status") + "    steps: [{answer: hi}]\n"))
                .isEqualTo("line 2: flow id 'Order-Status' must match [a-z][a-z0-9_]* (lower-case letters, digits, _)");
        assertThat(error(HEAD + "    steps: [{answer: hi}]\n" + HEAD.substring(7) + "    steps: [{answer: hi}]\n"))
                .isEqualTo("line 5: flow id 'order_status' is already used on line 2");
        assertThat(error(HEAD.replace(", where is my parcel", "") + "    steps: [{answer: hi}]\n"))
                .isEqualTo("line 3: flow 'order_status' has 2 triggers (at least 3, at most 1000 example messages are needed)");
        assertThat(error(HEAD.replace("where is my parcel", "查一下我的订单") + "    steps: [{answer: hi}]\n"))
                .isEqualTo("line 3: flow 'order_status' has the trigger '查一下我的订单' twice");
        assertThat(flow(SLOT)).isEqualTo("line 2: flow 'order_status' has no steps (at least one is needed)");
        assertThat(flow("    steps: [{when: a is set}]\n"))
                .isEqualTo("line 4: step 1 of flow 'order_status' must have exactly one of answer, http, confirm, ticket, handoff");
        assertThat(flow("    steps: [{answer: hi, handoff: {reason: r, message: m}}]\n"))
                .isEqualTo("line 4: step 1 of flow 'order_status' must have exactly one of answer, http, confirm, ticket, handoff, got answer and handoff");
    }

    @Test
    void slotsAreChecked() {
        String steps = "    steps: [{answer: hi}]\n";
        assertThat(flow(SLOT + SLOT.substring(11) + steps))
                .isEqualTo("line 8: flow 'order_status' has two slots named 'order'");
        assertThat(flow(SLOT.replace("order_number", "choice") + steps))
                .isEqualTo("line 6: slot 'order' of flow 'order_status' is a choice slot and needs at least 2 different choices, got []");
        assertThat(flow(SLOT + "        choices: [a, b]\n" + steps))
                .isEqualTo("line 8: slot 'order' of flow 'order_status' has choices but its entity is 'order_number' (use entity: choice)");
        assertThat(flow(SLOT + "        validate: '^[A-Z{2}'\n" + steps))
                .startsWith("line 8: slot 'order' of flow 'order_status' has an invalid pattern '^[A-Z{2}': Unclosed character class");
        assertThat(flow(SLOT + "        max_retries: 11\n" + steps))
                .isEqualTo("line 8: 'max_retries' of slot 'order' of flow 'order_status' must be a whole number from 0 to 10, got '11'");
        assertThat(flow(SLOT + "        required: maybe\n" + steps))
                .isEqualTo("line 8: 'required' of slot 'order' of flow 'order_status' must be true or false, got 'maybe'");
        assertThat(flow(SLOT.replace("order_number", "order_numbr") + steps))
                .endsWith("has unknown entity type 'order_numbr' (known: phone, email, order_number, datetime, money, quantity, "
                        + "id_card, bank_card, location, product, choice, text); did you mean 'order_number'?");
        assertThat(flow(SLOT.replace("        prompt: 请告诉我您的订单号\n", "") + steps))
                .isEqualTo("line 5: slot 'order' of flow 'order_status' has no 'prompt'");
        assertThat(flow(SLOT.replace("请告诉我您的订单号", "'{phone} 的订单号？'") + steps))
                .isEqualTo("line 7: slot 'order' of flow 'order_status' uses unknown variable {phone} (known: customer.segment, "
                        + "customer.vip, customer.name, customer.id)");
    }

    @Test
    void aSlotMayOnlyUseTheSlotsBeforeIt() {
        assertThat(flow(SLOT + """
                      - {name: phone, entity: phone, prompt: 电话？, when: order is set}
                      - {name: note, entity: text, prompt: 备注？, when: later is set}
                      - {name: later, entity: text, prompt: 以后？}
                    steps: [{answer: hi}]
                """)).isEqualTo("line 9: slot 'note' of flow 'order_status''s condition uses unknown variable 'later' (known: "
                + "customer.segment, customer.vip, customer.name, customer.id, order, phone)");
    }

    @Test
    void readersOverTheLimitAreRejected() {
        assertThatThrownBy(() -> parser.parse(new java.io.StringReader("#" + "x".repeat(FlowParser.MAX_BYTES + 1))))
                .isInstanceOf(FlowFormatException.class).hasMessage("the flows file is larger than 1 MiB");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            expiry: 30 minutes | line 4: 'expiry' of flow 'order_status' must be a duration like 500ms, 45s, 30m or 2h, got '30 minutes'
            expiry: 2d         | line 4: 'expiry' of flow 'order_status' must be a duration like 500ms, 45s, 30m or 2h, got '2d'
            expiry: 25h        | line 4: 'expiry' of flow 'order_status' must be from 10s to 24h, got '25h'
            """)
    void expiryIsADuration(String line, String message) {
        assertThat(flow("    " + line + "\n" + SLOT + "    steps: [{answer: hi}]\n")).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {url: /x, method: FETCH}            | line 9: step 1 (http) of flow 'order_status' has method 'FETCH' (allowed: GET, POST, PUT, PATCH, DELETE)
            {url: 'ftp://x/{order}'}            | line 9: step 1 (http) of flow 'order_status' has url 'ftp://x/{order}', which is neither absolute (http:// or https://) nor relative to the business base URL (starting with /)
            {url: 'http:///{order}'}            | line 9: step 1 (http) of flow 'order_status' has url 'http:///{order}', which is not a valid URL (no host)
            {url: '/o/{ordr}'}                  | line 9: step 1 (http) of flow 'order_status' uses unknown variable {ordr} (known: customer.segment, customer.vip, customer.name, customer.id, order); did you mean 'order'?
            {url: /x, timeout: 31s}             | line 9: 'timeout' of step 1 (http) of flow 'order_status' must be from 100ms to 30s, got '31s'
            {url: /x, retries: 4}               | line 9: 'retries' of step 1 (http) of flow 'order_status' must be a whole number from 0 to 3, got '4'
            {url: /x, fields: {status: status}} | line 9: step 1 (http) of flow 'order_status' maps field 'status' to 'status', which is no JSON pointer (like /data/status)
            {url: /x, fields: {Status: /s}}     | line 9: 'fields' of step 1 (http) of flow 'order_status' has an invalid name 'Status' (expected [a-z][a-z0-9_]*)
            {url: /x, body: {a: '{b}'}}         | line 9: step 1 (http) of flow 'order_status' uses unknown variable {b} (known: customer.segment, customer.vip, customer.name, customer.id, order)
            {url: /x, timout: 2s}               | line 9: unknown key 'timout' in step 1 (http) of flow 'order_status'; did you mean 'timeout'?
            """)
    void httpStepsAreChecked(String http, String message) {
        assertThat(flow(SLOT + "    steps:\n      - http: " + http + "\n")).isEqualTo(message);
    }

    @Test
    void variablesExistOnlyAfterTheStepThatSetsThem() {
        assertThat(flow(SLOT + """
                    steps:
                      - answer: 状态 {status}
                      - http: {url: /x, fields: {status: /status}}
                """)).isEqualTo("line 9: step 1 (answer) of flow 'order_status' uses unknown variable {status} (known: "
                + "customer.segment, customer.vip, customer.name, customer.id, order)");
        assertThat(flow(SLOT + """
                    steps:
                      - when: ticket_id is set
                        answer: 工单已创建
                """)).isEqualTo("line 9: step 1 (answer) of flow 'order_status''s condition uses unknown variable 'ticket_id' (known: "
                + "customer.segment, customer.vip, customer.name, customer.id, order)");
        assertThat(flow(SLOT + """
                    steps:
                      - when: status = 已签收
                        answer: 已签收
                """)).isEqualTo("line 9: step 1 (answer) of flow 'order_status' has an invalid condition 'status = 已签收': "
                + "unknown operator '=' at position 8 (use == or !=)");
    }

    @Test
    void clarificationsAreChecked() {
        String flows = HEAD + "    steps: [{answer: hi}]\n";
        String clarification = """
                clarifications:
                  - id: bill
                    triggers: [查账单, 我要看账单, 账单]
                    question: 您想查询哪一类账单？
                    choices:
                """;
        assertThat(error(flows + clarification + "      - {label: 本月, flow: order_statu}\n      - {label: 历史, faq: f1}\n"))
                .isEqualTo("line 10: choice 1 of clarification 'bill' names flow 'order_statu', which is not in the file; "
                        + "did you mean 'order_status'?");
        assertThat(error(flows + clarification + "      - {label: 本月, faq: f1, answer: 好}\n      - {label: 历史, faq: f2}\n"))
                .isEqualTo("line 10: choice 1 of clarification 'bill' must name exactly one of flow, faq or answer, got faq and answer");
        assertThat(error(flows + clarification + "      - {label: 本月, faq: f1}\n"))
                .isEqualTo("line 10: clarification 'bill' has 1 choices (at least 2 are needed)");
        assertThat(error(flows + clarification.replace("id: bill", "id: order_status") + "      - {label: a, faq: f1}\n"))
                .isEqualTo("line 6: clarification id 'order_status' is already used on line 2");
    }

    @Test
    void unsafeOrMalformedYamlIsRejected() {
        assertThat(error("flows: !!javax.script.ScriptEngineManager [x]\n"))
                .isEqualTo("line 1: not valid YAML: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager");
        assertThat(error("flows: !local [x]\n"))
                .isEqualTo("line 1: tag '!local' is not allowed (plain texts, numbers, lists and mappings only)");
        assertThat(error("flows: []\nflows: []\n")).isEqualTo("line 2: duplicate key 'flows' in the flows file");
        assertThat(error("flows: [\n")).startsWith("line 2: not valid YAML:");
        assertThat(error("- a\n- b\n")).isEqualTo("line 1: the flows file must be a mapping (key: value), got a list");
        StringBuilder laughs = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            laughs.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *").append((char) (c - 1)).append("]\n");
        }
        assertThat(error(laughs.toString()))
                .isEqualTo("not valid YAML: Number of aliases for non-scalar nodes exceeds the specified max=20");
        assertThat(error("flows: '" + "x".repeat(FlowParser.MAX_BYTES) + "'\n")).isEqualTo("the flows file is larger than 1 MiB");
    }
}
