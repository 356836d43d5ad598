package io.huida.bench;

import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.ReplyType;
import io.huida.engine.nlu.DetectedEmotion;
import io.huida.engine.nlu.RecognizedIntent;
import io.huida.engine.nlu.entity.Entity;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialogCommandTest {

    private static final String SCENARIOS = """
            scenarios:
              - id: baggage_later
                category: slot_later
                customer: {segment: gold, vip: true, name: 王女士}
                turns:
                  - say: 我的行李丢了
                    expect: {type: ASK_SLOT, flowId: lost_baggage, slot: booking, textContains: [订单号]}
                  - say: 订单号 MU20261122001234，电话13812345678
                    expect:
                      type: HANDOFF
                      flowId: lost_baggage
                      slot: null
                      entities: [{type: phone, value: '13812345678'}, order_number]
                      emotion: anxious
                      risks: []
                      handoffReason: flow
                      handoffSkill: 行李
                      summaryContains: [行李]
                      textNotContains: [抱歉]
                      textContains: [2026-11-24]
                      choices: 0
            """;

    private static BotReply reply(ReplyType type, String text, String flow, String slot, List<Entity> entities, String emotion,
                                  List<BotReply.RiskFlag> risks, BotReply.Handoff handoff, List<BotReply.Option> choices) {
        return new BotReply(type, text, null, 0.9, List.of(),
                new BotReply.Explanation(text, "zh", null, 0, 0, 0.5, 0.3, "test"), new RecognizedIntent("flow:" + flow, 0.9),
                entities, new DetectedEmotion(emotion, emotion.equals("neutral") ? 0 : 0.6, List.of()), flow, slot, choices,
                risks, handoff, null);
    }

    @Test
    void readsScenariosWithCustomerAndNullExpectations() {
        List<DialogScenarios.Scenario> all = DialogScenarios.parse(SCENARIOS);
        assertThat(all).hasSize(1);
        DialogScenarios.Scenario s = all.get(0);
        assertThat(s.vip()).isTrue();
        assertThat(s.segment()).isEqualTo("gold");
        assertThat(s.channel()).isEqualTo("web");
        assertThat(s.turns()).hasSize(2);
        assertThat(s.turns().get(1).expect()).containsEntry("slot", null).containsKey("summaryContains")
                .containsEntry("textContains", List.of("2026-11-24"));
    }

    @Test
    void rejectsUnknownExpectationKeys() {
        String typo = "scenarios:\n  - {id: a, category: c, turns: [{say: hi, expect: {flowid: x}}]}\n";
        assertThatThrownBy(() -> DialogScenarios.parse(typo)).hasMessageStartingWith("scenario 1 'a' turn 1 expect has unknown key 'flowid'");
        assertThatThrownBy(() -> DialogScenarios.parse("scenarios:\n  - {id: a, category: c, turns: []}\n"))
                .hasMessage("scenario 1 'a' needs a non-empty list 'turns'");
    }

    @Test
    void aMatchingReplyPassesEveryKey() {
        var spec = DialogScenarios.parse(SCENARIOS).get(0).turns();
        BotReply ask = reply(ReplyType.ASK_SLOT, "请告诉我您的订单号", "lost_baggage", "booking", List.of(), "neutral", List.of(), null, List.of());
        assertThat(DialogExpectations.check(spec.get(0).expect(), ask)).isEmpty();
        BotReply handoff = reply(ReplyType.HANDOFF, "正在为您转接行李专员", "lost_baggage", null,
                List.of(new Entity("phone", "+8613812345678", "13812345678", 18, 29),
                        new Entity("order_number", "MU20261122001234", "MU20261122001234", 4, 20)),
                "anxious", List.of(), new BotReply.Handoff("flow", "行李丢失", "行李", "客户行李丢失，订单 MU2026…"), List.of())
                .withText("正在为您转接行李专员，预计 2026-11-24 前回电", null);
        assertThat(DialogExpectations.check(spec.get(1).expect(), handoff)).isEmpty();
    }

    @Test
    void aWrongReplyFailsTheKeysItMisses() {
        var spec = DialogScenarios.parse(SCENARIOS).get(0).turns();
        BotReply fallback = reply(ReplyType.FALLBACK, "抱歉，我没有理解", null, "booking",
                List.of(new Entity("phone", "+8613800000000", "13800000000", 0, 11)), "angry",
                List.of(new BotReply.RiskFlag("fraud", "x")), null, List.of(new BotReply.Option(1, "a", "answer")));
        List<DialogExpectations.Miss> misses = DialogExpectations.check(spec.get(1).expect(), fallback);
        assertThat(misses).extracting(DialogExpectations.Miss::key).containsExactly("type", "flowId", "slot", "entities",
                "emotion", "risks", "handoffReason", "handoffSkill", "summaryContains", "textNotContains", "textContains",
                "choices");
        assertThat(misses.get(0)).hasToString("type: expected HANDOFF, got FALLBACK");
        assertThat(misses.get(3).expected()).isEqualTo("[phone=13812345678, order_number]");
        assertThat(misses.get(5).toString()).isEqualTo("risks: expected none, got [fraud]");
    }

    @Test
    void choicesByLabelAndCaseInsensitiveText() {
        BotReply clarify = reply(ReplyType.CLARIFY, "Which BILL?", null, null, List.of(), "neutral", List.of(), null,
                List.of(new BotReply.Option(1, "本月账单", "flow:a"), new BotReply.Option(2, "历史账单", "flow:b")));
        assertThat(DialogExpectations.check(java.util.Map.of("choices", List.of("本月", "历史"), "textContains", "which bill"), clarify)).isEmpty();
        assertThat(DialogExpectations.check(java.util.Map.of("choices", List.of("年度")), clarify)).hasSize(1);
    }

    @Test
    void serviceAnswersCannedResponsesAndFailsOthers() throws Exception {
        String json = """
                [{"method": "GET", "path": "/api/flights/*", "status": 200, "body": {"status": "准点"}},
                 {"method": "GET", "path": "/api/down", "status": 503, "body": {"error": "busy"}}]""";
        try (FakeBusinessService service = FakeBusinessService.start(json)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(service.base().resolve("/api/flights/MU5101")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("{\"status\":\"准点\"}");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/down")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
            assertThat(client.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/flights/a/b")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(service.calls()).containsExactly("GET /api/flights/MU5101", "GET /api/down", "GET /api/flights/a/b");
        }
    }
}
