package io.huida.server.conversation;

import com.jayway.jsonpath.JsonPath;
import io.huida.server.knowledge.BotHolder;
import io.huida.server.knowledge.KnowledgeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Multi-turn conversations over {@code POST /api/v1/bot/messages} with the demo knowledge base and demo flows (whose
 * business calls go over HTTP to the server's own demo service), run against each database.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class DialogApiContract {

    static final String PASSWORD = "dialog-admin-pw";

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeService knowledge;

    @Autowired
    BotHolder holder;

    @Autowired
    ConversationService conversations;

    @Autowired
    ConversationLifecycle lifecycle;

    private int sessions;

    /** A conversation under its own session id. */
    final class Session {
        final String id = getClass().getSimpleName() + System.nanoTime() + "-" + (++sessions);

        ResultActions say(String text) throws Exception {
            return say(text, null);
        }

        ResultActions say(String text, String segment) throws Exception {
            String json = "{\"sessionId\":\"" + id + "\",\"text\":" + quote(text) + ",\"channel\":\"web\""
                    + (segment == null ? "" : ",\"segment\":\"" + segment + "\"") + "}";
            return mvc.perform(post("/api/v1/bot/messages").with(httpBasic("admin", PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk());
        }
    }

    @Test
    void orderStatusAsksForTheNumberAndLooksItUpInTheOrderSystem() throws Exception {
        Session s = new Session();
        s.say("我的快递到哪了").andExpect(jsonPath("$.type").value("ASK_SLOT"))
                .andExpect(jsonPath("$.flowId").value("order_status")).andExpect(jsonPath("$.slot").value("order"));
        s.say("YT2026112200001").andExpect(jsonPath("$.type").value("ANSWER"))
                .andExpect(jsonPath("$.text").value(containsString("运输中")))
                .andExpect(jsonPath("$.text").value(containsString("顺丰速运")));
    }

    @Test
    void traditionalChineseOrderDialog() throws Exception {
        Session s = new Session();
        s.say("我的快遞到哪了？").andExpect(jsonPath("$.type").value("ASK_SLOT")).andExpect(jsonPath("$.slot").value("order"));
        s.say("訂單號是YT2026112200001").andExpect(jsonPath("$.type").value("ANSWER"))
                .andExpect(jsonPath("$.text").value(containsString("YT2026112200001")));
    }

    @Test
    void addressChangeIsConfirmedBeforeTheOrderSystemIsCalled() throws Exception {
        Session s = new Session();
        s.say("收货地址填错了").andExpect(jsonPath("$.flowId").value("change_address")).andExpect(jsonPath("$.slot").value("order"));
        s.say("YT2026112200001").andExpect(jsonPath("$.slot").value("address"));
        s.say("北京市朝阳区建国路88号").andExpect(jsonPath("$.slot").value("confirmed"))
                .andExpect(jsonPath("$.choices[0].label").value("是"));
        s.say("不对，是北京市海淀区中关村大街27号").andExpect(jsonPath("$.slot").value("confirmed"))
                .andExpect(jsonPath("$.text").value(containsString("中关村大街27号")));
        s.say("确认").andExpect(jsonPath("$.type").value("ANSWER"))
                .andExpect(jsonPath("$.text").value(containsString("已将订单 YT2026112200001 的收货地址改为：北京市海淀区中关村大街27号")));
    }

    @Test
    void refundProgressComesFromTheOrderSystem() throws Exception {
        Session s = new Session();
        s.say("我的退款到哪一步了").andExpect(jsonPath("$.flowId").value("refund_progress"));
        s.say("YT2026112000002").andExpect(jsonPath("$.text").value(containsString("退款处理中")));
    }

    @Test
    void broadbandFaultGivesSelfHelpThenFilesAWorkOrder() throws Exception {
        Session s = new Session();
        s.say("家里宽带上不了网").andExpect(jsonPath("$.flowId").value("broadband_fault"));
        String reply = body(s.say("1"));
        assertThat(JsonPath.<String>read(reply, "$.slot")).isEqualTo("region");
        s.say("上海市浦东新区").andExpect(jsonPath("$.slot").value("phone"));
        s.say("13912345678").andExpect(jsonPath("$.slot").value("resolved"))
                .andExpect(jsonPath("$.text").value(containsString("光猫")));
        s.say("没有，还是不行").andExpect(jsonPath("$.type").value("ANSWER"))
                .andExpect(jsonPath("$.text").value(containsString("已为您创建报修工单 WO")));
        assertThat(conversations.state(s.id).orElseThrow().workOrders()).hasSize(1);
    }

    @Test
    void billQueryIsClarifiedByNumberAndFollowedUp() throws Exception {
        Session s = new Session();
        s.say("查账单").andExpect(jsonPath("$.type").value("CLARIFY"))
                .andExpect(jsonPath("$.choices[0].label").value("本月账单"))
                .andExpect(jsonPath("$.choices[1].label").value("历史账单"));
        s.say("2").andExpect(jsonPath("$.type").value("ASK_SLOT")).andExpect(jsonPath("$.flowId").value("bill_history"));
        s.say("2026年3月").andExpect(jsonPath("$.type").value("ANSWER")).andExpect(jsonPath("$.text").value(containsString("2026-03")));
        s.say("那4月份的呢").andExpect(jsonPath("$.type").value("ANSWER")).andExpect(jsonPath("$.text").value(containsString("-04")));
    }

    @Test
    void cancelIsAmbiguousAndResolvedByAnOrdinal() throws Exception {
        Session s = new Session();
        s.say("取消").andExpect(jsonPath("$.type").value("CLARIFY")).andExpect(jsonPath("$.choices.length()").value(3));
        s.say("第二个").andExpect(jsonPath("$.type").value("ANSWER")).andExpect(jsonPath("$.text").value(containsString("营业厅")));
    }

    @Test
    void cardLossRaisesTheRiskAndGoesToACardSpecialist() throws Exception {
        Session s = new Session();
        s.say("我的信用卡丢了").andExpect(jsonPath("$.risks[*].type").value(hasItem("card_loss")))
                .andExpect(jsonPath("$.slot").value("last4"));
        s.say("跳过").andExpect(jsonPath("$.type").value("HANDOFF")).andExpect(jsonPath("$.handoff.skill").value("信用卡"))
                .andExpect(jsonPath("$.handoff.summary").value(containsString("信用卡挂失")));
    }

    @Test
    void fraudAndAngerHandOver() throws Exception {
        new Session().say("有人说是银行客服，让我把钱转到安全账户").andExpect(jsonPath("$.type").value("HANDOFF"))
                .andExpect(jsonPath("$.risks[*].type").value(hasItem("fraud")));
        Session angry = new Session();
        angry.say("你们这什么垃圾服务！！！气死我了，我要投诉！").andExpect(jsonPath("$.type").value("HANDOFF"))
                .andExpect(jsonPath("$.handoff.reason").value("anger"))
                .andExpect(jsonPath("$.handoff.summary").value(containsString("angry")));
    }

    @Test
    void aFlowSurvivesARebuildOfTheEngineMidway() throws Exception {
        Session s = new Session();
        s.say("我的退款到哪一步了").andExpect(jsonPath("$.slot").value("order"));
        var before = holder.current().orElseThrow().dialog();
        knowledge.publish(holder.current().orElseThrow().version()); // a new engine, as after a restart
        assertThat(holder.current().orElseThrow().dialog()).isNotSameAs(before);
        s.say("YT2026112000002").andExpect(jsonPath("$.type").value("ANSWER"))
                .andExpect(jsonPath("$.text").value(containsString("退款处理中")));
    }

    @Test
    void concurrentMessagesOfOneSessionAreHandledOneAtATime() throws Exception {
        Session s = new Session();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String text = i % 2 == 0 ? "信用卡年费多少钱" : "怎么查询物流信息";
                replies.add(pool.submit(() -> body(s.say(text))));
            }
            for (Future<String> f : replies) {
                assertThat(JsonPath.<String>read(f.get(), "$.type")).isNotBlank();
            }
        } finally {
            pool.shutdown();
        }
        var lines = conversations.transcript(s.id, 100);
        assertThat(lines).hasSize(32);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).sender()).isEqualTo(i % 2 == 0 ? "customer" : "bot");
        }
        assertThat(conversations.state(s.id).orElseThrow().emotions()).hasSize(10);
    }

    @Test
    void aSessionBelongsToItsCaller() throws Exception {
        Session s = new Session();
        s.say("查账单");
        String token = JsonPath.read(mvc.perform(post("/api/v1/visitor/sessions")).andReturn().getResponse().getContentAsString(), "$.token");
        mvc.perform(post("/api/v1/bot/messages").header("X-Visitor-Token", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"sessionId\":\"" + s.id + "\",\"text\":\"1\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void noPersonalDataInLogsOrTranscripts(CapturedOutput output) throws Exception {
        Session s = new Session();
        s.say("我的手机号13812345678，身份证11010519491231002X，银行卡6222021234567890123，帮我查下账单");
        s.say("转人工").andExpect(jsonPath("$.type").value("HANDOFF"))
                .andExpect(jsonPath("$.handoff.summary").value(containsString("138****5678")));
        String logs = output.getAll();
        assertThat(logs).contains("session " + s.id).contains("138****5678");
        assertThat(logs).doesNotContain("13812345678", "11010519491231002X", "6222021234567890123");
        String transcript = conversations.transcript(s.id, 10).toString();
        assertThat(transcript).contains("138****5678").doesNotContain("13812345678", "11010519491231002X", "6222021234567890123");
    }

    @Test
    void flowsImportRejectsBadFilesWithTheLineAndPublishesGoodOnes() throws Exception {
        String current = mvc.perform(get("/api/v1/kb/flows").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(current).contains("order_status");
        String bad = current.replaceFirst("entity: order_number", "entity: ordr_number");
        mvc.perform(post("/api/v1/kb/flows/import").with(httpBasic("admin", PASSWORD))
                        .contentType("application/yaml").content(bad))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(startsWith("line ")))
                .andExpect(jsonPath("$.detail").value(containsString("ordr_number")))
                .andExpect(jsonPath("$.title").value("Invalid flows file"))
                .andExpect(jsonPath("$.line").isNumber()).andExpect(jsonPath("$.column").isNumber());
        mvc.perform(post("/api/v1/kb/flows/import").with(httpBasic("admin", PASSWORD))
                        .contentType("application/yaml").content("flows: [\n  - id: x\n    name: [unclosed\n"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(startsWith("line ")));
        long version = holder.current().orElseThrow().version();
        mvc.perform(post("/api/v1/kb/flows/import").with(httpBasic("admin", PASSWORD))
                        .contentType("application/yaml").content(current))
                .andExpect(status().isOk()).andExpect(jsonPath("$.flows").value(7))
                .andExpect(jsonPath("$.version").value((int) version + 1));
    }

    @Test
    void aHandoffQueuesTheConversationWithItsSkillAndOneAgentWinsIt() throws Exception {
        Session s = new Session();
        s.say("信用卡年费多少钱？", "vip").andExpect(jsonPath("$.type").value("ANSWER"));
        assertThat(lifecycle.find(s.id).orElseThrow().status()).isEqualTo(ConversationStatus.BOT);
        s.say("转人工", "vip").andExpect(jsonPath("$.type").value("HANDOFF"));
        Conversation queued = lifecycle.find(s.id).orElseThrow();
        assertThat(queued.status()).isEqualTo(ConversationStatus.QUEUED);
        assertThat(queued.skill()).isEqualTo("信用卡");
        assertThat(queued.vip()).isTrue();
        assertThat(queued.handoffReason()).isEqualTo("customer_request");
        assertThat(queued.summary()).contains("信用卡年费多少钱");
        assertThat(lifecycle.queue(1000)).extracting(Conversation::id).contains(s.id);
        s.say("人工呢", "vip"); // asking again does not queue twice
        assertThat(lifecycle.find(s.id).orElseThrow().revision()).isEqualTo(queued.revision());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> wins = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String agent = "agent" + i;
                wins.add(pool.submit(() -> lifecycle.assign(s.id, agent, java.time.Instant.now())));
            }
            int won = 0;
            for (Future<Boolean> w : wins) {
                won += w.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        Conversation assigned = lifecycle.find(s.id).orElseThrow();
        assertThat(assigned.status()).isEqualTo(ConversationStatus.ASSIGNED);
        assertThat(lifecycle.humanOwns(s.id)).isTrue();
        s.say("你好，在吗？", "vip").andExpect(jsonPath("$.type").value("HANDOFF")).andExpect(jsonPath("$.text").value(""))
                .andExpect(jsonPath("$.handoff.reason").value("agent")); // the bot stays quiet once an agent has it
        assertThat(conversations.transcript(s.id, 1).get(0).text()).isEqualTo("你好，在吗？");
        assertThat(lifecycle.transfer(s.id, "someone-else", "agent9", java.time.Instant.now())).isFalse();
        assertThat(lifecycle.transfer(s.id, assigned.agent(), "agent9", java.time.Instant.now())).isTrue();
        assertThat(lifecycle.requeue(s.id, "timeout", java.time.Instant.now())).isTrue();
        assertThat(lifecycle.find(s.id).orElseThrow().queuedAt()).isEqualTo(queued.queuedAt());
        assertThat(lifecycle.resolve(s.id, "agent9", java.time.Instant.now())).isTrue();
        assertThat(lifecycle.assign(s.id, "agent1", java.time.Instant.now())).isFalse();
    }

    private static String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
