package io.huida.server.routing;

import io.huida.engine.dialog.Customer;
import io.huida.server.conversation.ConversationLifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The agents' and supervisors' routing API as a client sees it, run against each database (H2 and PostgreSQL). Called
 * as admin: until the agent and supervisor roles get their own rules, every {@code /api/**} is admin-only.
 */
abstract class RoutingApiContract {

    static final String PASSWORD = "test-admin-pw";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConversationLifecycle lifecycle;
    @Autowired
    Router router;

    @BeforeEach
    void agentUser() {
        for (String table : List.of("routing_assignment", "agent_skill", "agent", "conversation")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from app_user where username = 'ann'").update();
        jdbc.sql("insert into app_user (username, password_hash, role, created_at) values ('ann', '{noop}x', 'AGENT', ?)")
                .param(Timestamp.from(Instant.now())).update();
    }

    @Test
    void aSupervisorSetsSkillsTeamAndCapacityAndSeesEveryAgentsLoad() throws Exception {
        send(put("/api/v1/supervisor/agents/ann"), """
                {"displayName": "Ann", "team": "金融组", "skills": ["信用卡", " 宽带 ", "信用卡"], "maxConcurrent": 3,
                 "vipDedicated": true}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("ann"))
                .andExpect(jsonPath("$.displayName").value("Ann"))
                .andExpect(jsonPath("$.team").value("金融组"))
                .andExpect(jsonPath("$.skills", hasSize(2)))
                .andExpect(jsonPath("$.skills[1]").value("宽带"))
                .andExpect(jsonPath("$.maxConcurrent").value(3))
                .andExpect(jsonPath("$.vipDedicated").value(true))
                .andExpect(jsonPath("$.status").value("OFFLINE"));
        send(put("/api/v1/supervisor/agents/ann"), "{\"maxConcurrent\": 4}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maxConcurrent").value(4))
                .andExpect(jsonPath("$.team").value("金融组"));
        mvc.perform(get("/api/v1/supervisor/agents").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'ann')].load").value(0))
                .andExpect(jsonPath("$[?(@.username == 'ann')].skills[0]").value("信用卡"));
    }

    @Test
    void badProfilesAreRefusedNamingTheBadValue() throws Exception {
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(21, "\"x\"")) + "]";
        problem(put("/api/v1/supervisor/agents/ann"), "{\"skills\": " + tooMany + "}", 400, "skills has 21 entries");
        String longSkill = "信".repeat(51);
        problem(put("/api/v1/supervisor/agents/ann"), "{\"skills\": [\"" + longSkill + "\"]}", 400, "skill '" + longSkill + "'");
        problem(put("/api/v1/supervisor/agents/ann"), "{\"maxConcurrent\": 0}", 400, "maxConcurrent 0 is not between 1 and 50");
        problem(put("/api/v1/supervisor/agents/ann"), "{\"maxConcurrent\": 51}", 400, "maxConcurrent 51");
        problem(put("/api/v1/supervisor/agents/ghost"), "{\"maxConcurrent\": 2}", 404, "no user 'ghost'");
        problem(put("/api/v1/agent/me/status"), "{\"status\": \"BUSY\"}", 400,
                "status 'BUSY' is not one of ONLINE, AWAY, OFFLINE");
    }

    @Test
    void anAgentGoesOnlineGetsAConversationAndAcceptsIt() throws Exception {
        mvc.perform(get("/api/v1/agent/me").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agent.status").value("OFFLINE"))
                .andExpect(jsonPath("$.conversations", hasSize(0)));
        send(put("/api/v1/agent/me/status"), "{\"status\": \"online\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("admin"))
                .andExpect(jsonPath("$.status").value("ONLINE"));
        Instant now = Instant.now();
        lifecycle.open("api-1", "web", new Customer("c-1", "王女士", null, true), now);
        lifecycle.handoff("api-1", "asked", null, "想提额", now);
        router.settle();
        mvc.perform(get("/api/v1/agent/me").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agent.load").value(1))
                .andExpect(jsonPath("$.conversations[0].id").value("api-1"))
                .andExpect(jsonPath("$.conversations[0].customerName").value("王女士"))
                .andExpect(jsonPath("$.conversations[0].vip").value(true))
                .andExpect(jsonPath("$.conversations[0].summary").value("想提额"))
                .andExpect(jsonPath("$.conversations[0].accepted").value(false));
        mvc.perform(post("/api/v1/agent/conversations/api-1/accept").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(true));
        mvc.perform(get("/api/v1/agent/me").with(admin()))
                .andExpect(jsonPath("$.conversations[0].accepted").value(true));
        mvc.perform(post("/api/v1/agent/conversations/api-1/decline").with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("conversation 'api-1' is not waiting for admin to accept it"));
        mvc.perform(post("/api/v1/agent/conversations/nope/accept").with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("conversation 'nope' is not assigned to admin"));
        mvc.perform(get("/api/v1/supervisor/agents").with(admin()))
                .andExpect(jsonPath("$[?(@.username == 'admin')].load").value(1));
    }

    @Test
    void theApiNeedsCredentials() throws Exception {
        mvc.perform(get("/api/v1/agent/me")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/supervisor/agents").with(httpBasic("ann", "x"))).andExpect(status().is4xxClientError());
    }

    ResultActions send(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(admin()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    void problem(MockHttpServletRequestBuilder request, String json, int status, String detail) throws Exception {
        send(request, json)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(detail)));
    }

    static RequestPostProcessor admin() {
        return httpBasic("admin", PASSWORD);
    }
}
