package io.huida.server.workspace;

import io.huida.server.conversation.ChatEntry;
import io.huida.server.conversation.ConversationLifecycle;
import io.huida.server.conversation.ConversationService;
import io.huida.server.conversation.ConversationStatus;
import io.huida.engine.dialog.Customer;
import io.huida.engine.dialog.DialogRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The agent workspace API with the demo knowledge base: read, answer, assist, transfer, resolve, rate, take over. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huida.data-dir=target/it-dialog-h2",
        "huida.demo-data=true",
        "huida.admin-password=dialog-admin-pw",
        "spring.datasource.url=jdbc:h2:mem:huida-dialog-it;DB_CLOSE_DELAY=-1",
        "huida.widget.site-secret=test-site-secret"})
@AutoConfigureMockMvc
class WorkspaceApiIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ConversationService conversations;

    @Autowired
    ConversationLifecycle lifecycle;

    @Autowired
    WorkspaceService workspace;

    private static RequestPostProcessor as(String name) {
        return user(name).roles("ADMIN"); // until agent roles reach the API, the agents act with admin rights
    }

    private String handedOver(String agent) {
        String id = "ws-" + System.nanoTime();
        String owner = "visitor:" + id;
        conversations.message(id, owner, new DialogRequest("我的快递到哪了，电话13812345678", "web", Customer.ANONYMOUS, Instant.now()));
        conversations.message(id, owner, new DialogRequest("转人工", "web", Customer.ANONYMOUS, Instant.now()));
        assertThat(lifecycle.assign(id, agent, Instant.now())).isTrue();
        return id;
    }

    @Test
    void anAgentReadsTheConversationWithTheBotsSummaryAndAnswers() throws Exception {
        String id = handedOver("agentA");
        mvc.perform(get("/api/v1/agent/conversations/" + id).with(as("agentA")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conversation.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.conversation.summary").value(containsString("我的快递到哪了")))
                .andExpect(jsonPath("$.facts.phone").value("138****5678"))
                .andExpect(jsonPath("$.messages[0].text").value(containsString("138****5678")));
        mvc.perform(post("/api/v1/agent/conversations/" + id + "/messages").with(as("agentA")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"<script>alert(1)</script>您好\",\"clientId\":\"x1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sender").value("agent"))
                .andExpect(jsonPath("$.text").value("<script>alert(1)</script>您好"));
        mvc.perform(post("/api/v1/agent/conversations/" + id + "/messages").with(as("agentB")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"我来\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/agent/conversations/" + id + "/messages").with(as("agentA")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("1 to 2000")));
    }

    @Test
    void assistSuggestsKnowledgeBaseAnswersAndChecksDrafts() throws Exception {
        mvc.perform(get("/api/v1/agent/assist").param("text", "信用卡年费多少钱").with(as("agentA")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].faqId").value("CC009"))
                .andExpect(jsonPath("$[0].answer").value(containsString("年费")));
        mvc.perform(post("/api/v1/agent/compliance").with(as("agentA")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"这款理财保证收益，稳赚不赔\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.action").value("BLOCK"))
                .andExpect(jsonPath("$.violations[*].ruleId").isNotEmpty());
        mvc.perform(post("/api/v1/agent/compliance").with(as("agentA")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"您好，已为您登记\"}"))
                .andExpect(jsonPath("$.action").value("ALLOW"));
    }

    @Test
    void cannedRepliesHaveUniqueShortcuts() throws Exception {
        String shortcut = "/hi" + (System.nanoTime() % 100000);
        mvc.perform(post("/api/v1/supervisor/canned").with(as("sup")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shortcut\":\"" + shortcut + "\",\"title\":\"问候\",\"text\":\"您好，很高兴为您服务\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").isNumber());
        mvc.perform(get("/api/v1/agent/canned").with(as("agentA")))
                .andExpect(jsonPath("$[*].shortcut").value(hasItem(shortcut)));
        mvc.perform(post("/api/v1/supervisor/canned").with(as("sup")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shortcut\":\"" + shortcut + "\",\"title\":\"t\",\"text\":\"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("already used")));
        mvc.perform(post("/api/v1/supervisor/canned").with(as("sup")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shortcut\":\"no slash\",\"title\":\"t\",\"text\":\"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("'no slash'")));
    }

    @Test
    void transferResolveAndRate() throws Exception {
        agent("agentB", "B", "信用卡");
        String id = handedOver("agentA");
        mvc.perform(post("/api/v1/agent/conversations/" + id + "/transfer").with(as("agentA")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"ghost\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("there is no agent 'ghost' to transfer to"));
        mvc.perform(post("/api/v1/agent/conversations/" + id + "/transfer").with(as("agentA")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"agentB\",\"team\":\"B\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("either an agent")));
        mvc.perform(post("/api/v1/agent/conversations/" + id + "/transfer").with(as("agentA")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"agentB\",\"note\":\"信用卡问题\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.agent").value("agentB"));
        mvc.perform(post("/api/v1/agent/conversations/" + id + "/resolve").with(as("agentB")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"wrapUp\":\"maybe\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("'maybe'")));
        mvc.perform(post("/api/v1/agent/conversations/" + id + "/resolve").with(as("agentB")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"wrapUp\":\"resolved\",\"note\":\"已解答\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"));
        ChatEntry last = conversations.transcript(id, 1).get(0);
        assertThat(last.sender()).isEqualTo("system");
        assertThat(last.replyType()).isEqualTo("RATE");
        assertThat(workspace.rate(id, 5, "很满意").agent()).isEqualTo("agentB");
        assertThatThrownBy(() -> workspace.rate(id, 4, null)).hasMessageContaining("already been rated");
        assertThatThrownBy(() -> workspace.rate(handedOver("agentC"), 9, null)).hasMessageContaining("not resolved");
        mvc.perform(get("/api/v1/agent/conversations/" + id).with(as("agentB"))).andExpect(jsonPath("$.rating.score").value(5));
    }

    @Test
    void aConversationTransferredToATeamGoesToAnotherAgentOfThatTeam() throws Exception {
        for (String name : List.of("teamX1", "teamX2")) {
            agent(name, "X组", "X技能");
            agents.update(name, new io.huida.server.routing.UpdateAgentRequest(name, "X组", List.of("X技能"), 50, false));
        }
        agent("agentB", "B", "信用卡");
        agents.setStatus("teamX1", io.huida.server.routing.AgentStatus.ONLINE);
        try {
            String id = handedOver("teamX1");
            mvc.perform(post("/api/v1/agent/conversations/" + id + "/transfer").with(agentUser("teamX1")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"team\":\"nope\"}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("no agent is in team 'nope'"));
            mvc.perform(post("/api/v1/agent/conversations/" + id + "/transfer").with(agentUser("teamX2")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"team\":\"X组\"}"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/agent/conversations/" + id + "/transfer").with(agentUser("teamX1")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"team\":\"X组\",\"note\":\"请帮忙跟进\"}"))
                    .andExpect(status().isOk());
            // while it waits, the team sees it (whatever their skills); others without its skill do not
            assertThat(lifecycle.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.QUEUED);
            mvc.perform(get("/api/v1/agent/conversations/" + id).with(agentUser("teamX2"))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/agent/conversations").with(agentUser("teamX2")))
                    .andExpect(jsonPath("$.queue[*].id").value(hasItem(id)));
            mvc.perform(get("/api/v1/agent/conversations/" + id).with(agentUser("agentB"))).andExpect(status().isForbidden());
            agents.setStatus("teamX2", io.huida.server.routing.AgentStatus.ONLINE);
            long end = System.nanoTime() + 10_000_000_000L;
            while (lifecycle.find(id).orElseThrow().status() != ConversationStatus.ASSIGNED && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertThat(lifecycle.find(id).orElseThrow().agent()).as("the team's other agent, not the sender").isEqualTo("teamX2");
            assertThat(conversations.transcript(id, 5)).extracting(ChatEntry::text).anySatisfy(t ->
                    assertThat(t).contains("X组").contains("请帮忙跟进"));
        } finally {
            agents.setStatus("teamX1", io.huida.server.routing.AgentStatus.OFFLINE);
            agents.setStatus("teamX2", io.huida.server.routing.AgentStatus.OFFLINE);
        }
    }

    @Test
    void aSupervisorTakesOver() throws Exception {
        String id = handedOver("agentA");
        mvc.perform(post("/api/v1/supervisor/conversations/" + id + "/takeover").with(as("boss")).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.agent").value("boss"));
        assertThat(lifecycle.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.ASSIGNED);
        assertThatThrownBy(() -> workspace.send(id, "agentA", "还在吗", null)).hasMessageContaining("does not own");
    }

    @Autowired
    io.huida.server.routing.Agents agents;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void agent(String name, String team, String skill) {
        jdbc.sql("insert into app_user (username, password_hash, role, created_at) select ?, '{noop}x', 'AGENT', ?"
                + " where not exists (select 1 from app_user where username = ?)").params(name, java.sql.Timestamp.from(Instant.now()), name).update();
        agents.update(name, new io.huida.server.routing.UpdateAgentRequest(name, team, java.util.List.of(skill), 5, false));
    }

    private static RequestPostProcessor agentUser(String name) {
        return user(name).roles("AGENT");
    }

    @Test
    void agentsSeeTheirOwnTheirTeamsAndWaitingConversationsOfTheirSkillsOnly() throws Exception {
        agent("teamA1", "A", "电商");
        agent("teamA2", "A", "电商");
        agent("teamB1", "B", "信用卡");
        String id = handedOver("teamA1");
        mvc.perform(get("/api/v1/agent/conversations/" + id).with(agentUser("teamA1"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/agent/conversations/" + id).with(agentUser("teamA2"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/agent/conversations/" + id).with(agentUser("teamB1"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("another team")));
        String waiting = "ws-q-" + System.nanoTime();
        conversations.message(waiting, "visitor:" + waiting, new DialogRequest("怎么申请退货？", "web", Customer.ANONYMOUS, Instant.now()));
        conversations.message(waiting, "visitor:" + waiting, new DialogRequest("转人工", "web", Customer.ANONYMOUS, Instant.now()));
        assertThat(lifecycle.find(waiting).orElseThrow().skill()).isEqualTo("电商");
        mvc.perform(get("/api/v1/agent/conversations").with(agentUser("teamA2")))
                .andExpect(jsonPath("$.queue[*].id").value(hasItem(waiting)));
        mvc.perform(get("/api/v1/agent/conversations").with(agentUser("teamB1")))
                .andExpect(jsonPath("$.queue[*].id").value(org.hamcrest.Matchers.not(hasItem(waiting))));
        mvc.perform(get("/api/v1/supervisor/conversations").with(as("boss")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].id").value(hasItem(id)))
                .andExpect(jsonPath("$[*].id").value(hasItem(waiting)));
    }

    @Test
    void aKnownCustomersEarlierConversationsAreShown() throws Exception {
        String first = "ws-c1-" + System.nanoTime();
        String second = "ws-c2-" + System.nanoTime();
        Customer known = new Customer("C-900", "李女士", null, false);
        conversations.message(first, "api", new DialogRequest("信用卡年费多少钱？", "api", known, Instant.now()));
        conversations.message(second, "api", new DialogRequest("转人工", "api", known, Instant.now()));
        mvc.perform(get("/api/v1/agent/conversations/" + second).with(as("boss")))
                .andExpect(jsonPath("$.conversation.customerName").value("李女士"))
                .andExpect(jsonPath("$.past[*].id").value(hasItem(first)))
                .andExpect(jsonPath("$.past[*].id").value(org.hamcrest.Matchers.not(hasItem(second))));
    }

    private static RequestPostProcessor csrf() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
    }
}
