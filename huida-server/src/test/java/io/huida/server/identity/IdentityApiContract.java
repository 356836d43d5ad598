package io.huida.server.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Users, roles, API keys, rate limits and the audit log as clients see them, run against each database (H2 and
 * PostgreSQL). Subclasses set small rate limits: 3 sessions per IP, 2 messages per visitor, 3 per IP.
 */
abstract class IdentityApiContract {

    static final String PASSWORD = "test-admin-pw";
    static final String AGENT_PW = "agent-password-1";
    static final String SUPERVISOR_PW = "supervisor-password-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    AuditLog audit;

    @BeforeEach
    void onlyTheAdminAndTwoColleagues() throws Exception {
        users.update("test", "admin", new Users.Changes(null, "ADMIN", true, null, PASSWORD));
        for (String name : jdbc.sql("select username from app_user where username <> 'admin'").query(String.class).list()) {
            users.delete("test", name);
        }
        createUser("agent1", "Agent One", "AGENT", AGENT_PW, "sales").andExpect(status().isCreated());
        createUser("sup1", "Supervisor One", "SUPERVISOR", SUPERVISOR_PW, "sales").andExpect(status().isCreated());
    }

    // ------------------------------------------------------------------ roles

    @Test
    void eachRoleReachesItsAreasOnly() throws Exception {
        RequestPostProcessor agent = httpBasic("agent1", AGENT_PW);
        RequestPostProcessor supervisor = httpBasic("sup1", SUPERVISOR_PW);
        mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users").with(agent)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users").with(supervisor)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit").with(supervisor)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/api-keys").with(agent)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/kb/status").with(agent)).andExpect(status().isForbidden());

        // authorised but nothing there yet: 404, not 401/403
        mvc.perform(get("/api/v1/agent/nothing-here")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/agent/nothing-here").with(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/agent/nothing-here").with(supervisor)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/agent/nothing-here").with(admin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/agent/canned").with(agent)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/supervisor/conversations/c-1/takeover").with(agent)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/supervisor/nothing-here").with(agent)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/supervisor/nothing-here").with(supervisor)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/supervisor/nothing-here").with(admin())).andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/bot/messages").with(agent).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(agent)).andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/agent").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/agent").with(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Conversations")));
        mvc.perform(get("/agent").with(agent).param("lang", "zh_CN"))
                .andExpect(content().string(containsString("对话列表")));

        String token = visitorToken("10.9.0.1");
        mvc.perform(get("/ws/future").header("X-Visitor-Token", token)).andExpect(status().isNotFound());
        mvc.perform(get("/ws/future").with(agent)).andExpect(status().isNotFound());
        mvc.perform(get("/ws/future").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/ws/future")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/agent/nothing-here").header("X-Visitor-Token", token)).andExpect(status().isForbidden());
        mvc.perform(get("/agent").header("X-Visitor-Token", token)).andExpect(status().isForbidden());
        mvc.perform(get("/ws/agent").header("X-Visitor-Token", token)).andExpect(status().isForbidden());
    }

    @Test
    void formLoginLandsAgentsOnTheirWorkspaceAndAdminsOnTheConsole() throws Exception {
        mvc.perform(formLogin().user("agent1").password(AGENT_PW)).andExpect(redirectedUrl("/agent"));
        mvc.perform(formLogin().user("sup1").password(SUPERVISOR_PW)).andExpect(redirectedUrl("/agent"));
        mvc.perform(formLogin().user("admin").password(PASSWORD)).andExpect(redirectedUrl("/admin"));
        mvc.perform(formLogin().user("agent1").password("wrong-password")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void metricsTimeRequestsButNotEachSecurityFilter() throws Exception {
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        String names = mvc.perform(get("/actuator/metrics").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(names).contains("\"http.server.requests\"").doesNotContain("spring.security");
    }

    // ------------------------------------------------------------------ users

    @Test
    void usersAreCreatedListedChangedAndDeletedWithoutEverShowingAHash() throws Exception {
        createUser("li.na", "李娜", "agent", "li-na-password", " support ").andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("li.na"))
                .andExpect(jsonPath("$.displayName").value("李娜"))
                .andExpect(jsonPath("$.role").value("AGENT"))
                .andExpect(jsonPath("$.team").value("support"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        String list = mvc.perform(get("/api/v1/users").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem("li.na")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContainIgnoringCase("password").doesNotContain("{bcrypt}", "$2a$");
        assertThat(users.byTeam("support")).extracting(UserView::username).containsExactly("li.na");
        assertThat(users.byRole(Role.SUPERVISOR)).extracting(UserView::username).containsExactly("sup1");
        assertThat(jdbc.sql("select password_hash from app_user where username = 'li.na'").query(String.class).single())
                .startsWith("{bcrypt}$2").doesNotContain("li-na-password");

        mvc.perform(get("/agent").with(httpBasic("li.na", "li-na-password"))).andExpect(status().isOk());
        updateUser("li.na", "{\"role\":\"SUPERVISOR\",\"team\":\"\",\"displayName\":\"Li Na\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("SUPERVISOR"))
                .andExpect(jsonPath("$.team").doesNotExist())
                .andExpect(jsonPath("$.displayName").value("Li Na"));
        updateUser("li.na", "{\"enabled\":false}").andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/agent").with(httpBasic("li.na", "li-na-password"))).andExpect(status().isUnauthorized());
        updateUser("li.na", "{\"enabled\":true,\"password\":\"another-password\"}").andExpect(status().isOk());
        mvc.perform(get("/api/v1/supervisor/x").with(httpBasic("li.na", "li-na-password"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/supervisor/x").with(httpBasic("li.na", "another-password"))).andExpect(status().isNotFound());

        mvc.perform(delete("/api/v1/users/li.na").with(admin())).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/users/li.na").with(admin())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no user 'li.na'"));
        updateUser("nobody", "{\"enabled\":true}").andExpect(status().isNotFound());
        mvc.perform(get("/agent").with(httpBasic("li.na", "another-password"))).andExpect(status().isUnauthorized());
    }

    @Test
    void newUsersFollowTheUsernameAndPasswordRules() throws Exception {
        createUser("zhang3", "张三", "AGENT", "short", null).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("password must have at least 10 characters"));
        createUser("zhang3-long", "张三", "AGENT", "ZHANG3-LONG", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("password must not be the username"));
        createUser("zhang 3", "张三", "AGENT", "long-enough-pw", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("username must be 3 to 64 characters: letters, digits, '.', '_' or '-'"));
        createUser("z3", "张三", "AGENT", "long-enough-pw", null).andExpect(status().isBadRequest());
        createUser("x".repeat(65), "张三", "AGENT", "long-enough-pw", null).andExpect(status().isBadRequest());
        createUser("zhang3", "张三", "BOSS", "long-enough-pw", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("role must be one of ADMIN, SUPERVISOR, AGENT, was 'BOSS'"));
        createUser("agent1", "Again", "AGENT", "long-enough-pw", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("user 'agent1' already exists"));
        updateUser("agent1", "{\"password\":\"tooshort\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("password must have at least 10 characters"));
        assertThat(users.find("zhang3")).isEmpty();
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDeletedNorDemotedNorDisabled() throws Exception {
        mvc.perform(delete("/api/v1/users/admin").with(admin())).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(
                        "'admin' is the last enabled ADMIN and cannot be deleted; make another user an enabled ADMIN first"));
        updateUser("admin", "{\"role\":\"AGENT\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("cannot be demoted to AGENT")));
        updateUser("admin", "{\"enabled\":false}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("cannot be disabled")));
        assertThat(users.find("admin").orElseThrow()).extracting(UserView::role, UserView::enabled).containsExactly(Role.ADMIN, true);

        createUser("admin2", "Second admin", "ADMIN", "admin2-password", null).andExpect(status().isCreated());
        updateUser("admin", "{\"enabled\":false}").andExpect(status().isOk());
        mvc.perform(put("/api/v1/users/admin2").with(httpBasic("admin2", "admin2-password"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"SUPERVISOR\"}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/users/admin").with(httpBasic("admin2", "admin2-password"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":true}"))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/v1/users/admin2").with(admin())).andExpect(status().isNoContent());
    }

    @Test
    void everyUserChangesTheirOwnPasswordProvingTheCurrentOneWithCsrfOnSessions() throws Exception {
        mvc.perform(changeOwnPassword("wrong-current", "agent-new-password").with(httpBasic("agent1", AGENT_PW)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("the current password is wrong"));
        mvc.perform(changeOwnPassword(AGENT_PW, "agent1").with(httpBasic("agent1", AGENT_PW)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("password must have at least 10 characters"));

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("agent1").password(AGENT_PW))
                .andReturn().getRequest().getSession();
        mvc.perform(changeOwnPassword(AGENT_PW, "agent-new-password").session(session).with(cookie(session))).andExpect(status().isForbidden());
        mvc.perform(changeOwnPassword(AGENT_PW, "agent-new-password").session(session).with(cookie(session)).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/agent").with(httpBasic("agent1", AGENT_PW))).andExpect(status().isUnauthorized());
        mvc.perform(get("/agent").with(httpBasic("agent1", "agent-new-password"))).andExpect(status().isOk());
        mvc.perform(changeOwnPassword("x", "y").header("X-Visitor-Token", visitorToken("10.9.0.2")))
                .andExpect(status().isForbidden());
    }

    @Test
    void disablingOrDemotingAUserEndsTheirSignInSessionsButRenamingDoesNot() throws Exception {
        MockHttpSession agent = signIn("agent1", AGENT_PW);
        MockHttpSession supervisor = signIn("sup1", SUPERVISOR_PW);
        mvc.perform(get("/agent").session(agent).with(cookie(agent))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/supervisor/x").session(supervisor).with(cookie(supervisor))).andExpect(status().isNotFound());

        updateUser("sup1", "{\"team\":\"support\",\"displayName\":\"Sup\"}").andExpect(status().isOk());
        mvc.perform(get("/api/v1/supervisor/x").session(supervisor).with(cookie(supervisor))).andExpect(status().isNotFound());
        updateUser("agent1", "{\"enabled\":false}").andExpect(status().isOk());
        updateUser("sup1", "{\"role\":\"AGENT\"}").andExpect(status().isOk());
        mvc.perform(get("/agent").session(agent).with(cookie(agent)).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        assertThat(agent.isInvalid()).isTrue();
        mvc.perform(get("/api/v1/supervisor/x").session(supervisor).with(cookie(supervisor))).andExpect(status().isUnauthorized());
        mvc.perform(formLogin().user("agent1").password(AGENT_PW)).andExpect(redirectedUrl("/login?error"));

        MockHttpSession again = signIn("sup1", SUPERVISOR_PW);
        mvc.perform(get("/agent").session(again).with(cookie(again))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/supervisor/x").session(again).with(cookie(again))).andExpect(status().isForbidden());
    }

    // ------------------------------------------------------------------ API keys

    @Test
    void apiKeysAreShownOnceActWithTheirRoleAndStopWhenRevokedOrExpired() throws Exception {
        String agentKey = createKey("{\"name\":\"crm sync\",\"role\":\"AGENT\"}");
        assertThat(agentKey).matches("hk_[0-9A-Za-z]{32}");
        String listed = mvc.perform(get("/api/v1/api-keys").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("crm sync"))
                .andExpect(jsonPath("$[0].prefix").value(agentKey.substring(0, 11)))
                .andExpect(jsonPath("$[0].key").doesNotExist())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).doesNotContain(agentKey).doesNotContain(agentKey.substring(11)).doesNotContainIgnoringCase("hash");
        Map<String, Object> row = jdbc.sql("select * from api_key where prefix = ?").param(agentKey.substring(0, 11))
                .query().singleRow();
        assertThat(row.values()).doesNotContain(agentKey);
        assertThat(row.values().stream().map(String::valueOf).filter(v -> v.contains(agentKey.substring(11)))).isEmpty();

        mvc.perform(get("/api/v1/agent/nothing-here").header("X-Api-Key", agentKey)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/users").header("X-Api-Key", agentKey)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/api-keys").header("X-Api-Key", agentKey).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"escalate\",\"role\":\"ADMIN\"}")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select last_used_at from api_key where prefix = ?").param(agentKey.substring(0, 11))
                .query(Timestamp.class).single()).isNotNull();

        String botKey = createKey("{\"name\":\"website widget\",\"role\":\"bot\"}");
        mvc.perform(post("/api/v1/bot/messages").header("X-Api-Key", botKey).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"hi\"}")).andExpect(status().is(not(401))).andExpect(status().is(not(403)));
        for (String path : List.of("/api/v1/users", "/api/v1/agent/nothing-here", "/api/v1/kb/status", "/admin", "/ws/future")) {
            mvc.perform(get(path).header("X-Api-Key", botKey)).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value("API keys with role BOT may only call /api/v1/bot/** and /api/v1/nlu/**"));
        }

        mvc.perform(delete("/api/v1/api-keys/" + keyId(agentKey)).with(admin())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/agent/nothing-here").header("X-Api-Key", agentKey)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("the API key 'crm sync' was revoked"));
        mvc.perform(get("/api/v1/api-keys").with(admin()))
                .andExpect(jsonPath("$[?(@.name == 'crm sync')].revokedAt").isNotEmpty());

        String expiring = createKey("{\"name\":\"temp\",\"role\":\"SUPERVISOR\",\"expiresAt\":\""
                + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
        mvc.perform(get("/api/v1/supervisor/x").header("X-Api-Key", expiring)).andExpect(status().isNotFound());
        jdbc.sql("update api_key set expires_at = ? where prefix = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), expiring.substring(0, 11)).update();
        mvc.perform(get("/api/v1/supervisor/x").header("X-Api-Key", expiring)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("the API key 'temp' expired at")));

        mvc.perform(get("/api/v1/agent/nothing-here").header("X-Api-Key", "hk_" + "A".repeat(32))).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the API key is unknown"));
        mvc.perform(get("/api/v1/agent/nothing-here").header("X-Api-Key", "nonsense")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the API key is malformed"));
        mvc.perform(post("/api/v1/api-keys").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"role\":\"ROOT\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("role must be one of ADMIN, SUPERVISOR, AGENT, BOT, was 'ROOT'"));
        mvc.perform(post("/api/v1/api-keys").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"role\":\"BOT\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("expiresAt must be in the future, was 2020-01-01T00:00:00Z"));
        mvc.perform(delete("/api/v1/api-keys/987654").with(admin())).andExpect(status().isNotFound());
    }

    // ------------------------------------------------------------------ rate limits

    @Test
    void visitorSessionsAreLimitedPerAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(newSession("10.1.0.1")).andExpect(status().isOk());
        }
        mvc.perform(newSession("10.1.0.1").header("X-Forwarded-For", "1.2.3.5"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value(containsString("at most 3 new chat sessions a minute from one address")));
        mvc.perform(newSession("10.1.0.2")).andExpect(status().isOk());
        mvc.perform(get("/ws/chat").with(remote("10.1.0.1"))).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(containsString("new chat sessions")));
        for (int i = 0; i < 5; i++) {
            mvc.perform(newSession("10.1.0.1").with(admin())).andExpect(status().isOk());
        }
    }

    @Test
    void visitorMessagesAreLimitedPerSessionAndPerAddress() throws Exception {
        String first = visitorToken("10.2.0.1");
        String second = visitorToken("10.2.0.1");
        botMessage(first, "10.2.0.1").andExpect(status().is(not(429)));
        botMessage(first, "10.2.0.1").andExpect(status().is(not(429)));
        botMessage(first, "10.2.0.1").andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.detail").value(containsString("at most 2 messages a minute in one chat session")));
        botMessage(second, "10.2.0.1").andExpect(status().is(not(429)));
        botMessage(second, "10.2.0.1").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(containsString("at most 3 chat messages a minute from one address")));
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/bot/messages").with(remote("10.2.0.1")).with(admin())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"hi\"}")).andExpect(status().is(not(429)));
        }
    }

    // ------------------------------------------------------------------ audit

    @Test
    void signInsAndUserChangesAreAuditedWithoutPasswords() throws Exception {
        mvc.perform(formLogin().user("sup1").password("Guess-Me-123")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("sup1").password(SUPERVISOR_PW)).andExpect(redirectedUrl("/agent"));
        mvc.perform(get("/api/v1/supervisor/x").with(httpBasic("sup1", SUPERVISOR_PW)));
        mvc.perform(get("/api/v1/supervisor/x").with(httpBasic("sup1", SUPERVISOR_PW)));
        mvc.perform(get("/api/v1/supervisor/x").with(httpBasic("ghost", "Nobody-Knows-1")));
        updateUser("agent1", "{\"role\":\"SUPERVISOR\",\"password\":\"Secret-Changed-9\"}").andExpect(status().isOk());
        audit.record("sup1", "TAKEOVER", "conversation c-1", "customer phone 13812345678, mail zhang@example.com");

        mvc.perform(get("/api/v1/audit").param("actor", "sup1").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].action").value("TAKEOVER"))
                .andExpect(jsonPath("$.items[0].detail").value(not(containsString("13812345678"))))
                .andExpect(jsonPath("$.items[0].detail").value(containsString("138****5678")))
                .andExpect(jsonPath("$.items[1].action").value("LOGIN_SUCCESS"))
                .andExpect(jsonPath("$.items[1].detail").value("HTTP Basic"))
                .andExpect(jsonPath("$.items[2].action").value("LOGIN_SUCCESS"))
                .andExpect(jsonPath("$.items[2].detail").value("form login"))
                .andExpect(jsonPath("$.items[3].action").value("LOGIN_FAILURE"))
                .andExpect(jsonPath("$.items[3].detail").value("form login: BadCredentials"))
                .andExpect(jsonPath("$.items[3].ip").value("127.0.0.1"));
        mvc.perform(get("/api/v1/audit").param("action", "LOGIN_FAILURE").param("actor", "ghost").with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].detail").value("HTTP Basic: BadCredentials"));
        mvc.perform(get("/api/v1/audit").param("action", "USER_CHANGED").param("size", "1").with(admin()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].actor").value("admin"))
                .andExpect(jsonPath("$.items[0].target").value("agent1"))
                .andExpect(jsonPath("$.items[0].detail").value("role AGENT -> SUPERVISOR, password"));
        mvc.perform(get("/api/v1/audit").param("action", "USER_CREATED").param("from", Instant.now().minusSeconds(600).toString())
                        .with(admin()))
                .andExpect(jsonPath("$.items[*].target", hasItem("sup1")));
        mvc.perform(get("/api/v1/audit").param("from", Instant.now().plusSeconds(600).toString()).with(admin()))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/audit").param("size", "500").with(admin())).andExpect(status().isBadRequest());

        List<Map<String, Object>> rows = jdbc.sql("select * from audit_event").query().listOfRows();
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> r : rows) {
            for (Object value : r.values()) {
                assertThat(String.valueOf(value)).doesNotContain("Guess-Me-123", "Nobody-Knows-1", "Secret-Changed-9",
                        SUPERVISOR_PW, AGENT_PW, PASSWORD, "13812345678");
            }
        }
    }

    // ------------------------------------------------------------------ hostile input

    @Test
    void scriptInADisplayNameStaysDataAndThePageNeverRendersItAsHtml() throws Exception {
        String script = "<script>alert(1)</script>";
        createUser("mallory", script, "AGENT", "mallory-password", "<img src=x onerror=alert(2)>")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.displayName").value(script));
        mvc.perform(get("/api/v1/users").with(admin()))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[?(@.username == 'mallory')].displayName").value(script));
        String page = mvc.perform(get("/admin").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).doesNotContain(script).doesNotContain("onerror=alert").contains("id=\"usersBody\"", "id=\"auditBody\"");
        String js = mvc.perform(get("/js/admin.js")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(js).contains("/api/v1/users", "/api/v1/audit", "el('td', {}, str(user.displayName))")
                .doesNotContainPattern("\\.(innerHTML|outerHTML)\\s*\\+?=")
                .doesNotContain("insertAdjacentHTML(", "document.write(", "DOMParser");
    }

    @Test
    void malformedOrOversizedJsonGetsAProblemDetail() throws Exception {
        mvc.perform(post("/api/v1/users").with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"username\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        updateUser("agent1", "{\"enabled\":\"perhaps\"}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/users").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"big\",\"displayName\":\"" + "x".repeat(70_000) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value(containsString("more than 65536")));
        createUser("longname", "名".repeat(101), "AGENT", "long-enough-pw", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("displayName has 101 characters, more than 100"));
        mvc.perform(post("/api/v1/users").with(admin()).contentType(MediaType.APPLICATION_JSON).content("null"))
                .andExpect(status().isBadRequest());
    }

    // ------------------------------------------------------------------ helpers

    static RequestPostProcessor admin() {
        return httpBasic("admin", PASSWORD);
    }

    MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(password))
                .andExpect(redirectedUrl("/agent")).andReturn().getRequest().getSession();
    }

    /** Marks the request as carrying the session cookie of {@code session}, as a browser's would. */
    static RequestPostProcessor cookie(MockHttpSession session) {
        return request -> {
            request.setRequestedSessionId(session.getId());
            request.setRequestedSessionIdValid(true);
            return request;
        };
    }

    static RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    ResultActions createUser(String username, String displayName, String role, String password, String team) throws Exception {
        StringBuilder json = new StringBuilder("{\"username\":").append(quote(username))
                .append(",\"displayName\":").append(quote(displayName)).append(",\"role\":").append(quote(role))
                .append(",\"password\":").append(quote(password));
        if (team != null) {
            json.append(",\"team\":").append(quote(team));
        }
        return mvc.perform(post("/api/v1/users").with(admin()).contentType(MediaType.APPLICATION_JSON).content(json.append('}').toString()));
    }

    ResultActions updateUser(String username, String json) throws Exception {
        return mvc.perform(put("/api/v1/users/" + username).with(admin()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static MockHttpServletRequestBuilder changeOwnPassword(String current, String replacement) {
        return put("/api/v1/users/me/password").contentType(MediaType.APPLICATION_JSON)
                .content("{\"current\":" + quote(current) + ",\"new\":" + quote(replacement) + "}");
    }

    String createKey(String json) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/api-keys").with(admin()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.apiKey.id").isNumber())
                .andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return com.jayway.jsonpath.JsonPath.read(body, "$.key");
    }

    long keyId(String key) {
        return jdbc.sql("select id from api_key where prefix = ?").param(key.substring(0, 11)).query(Long.class).single();
    }

    MockHttpServletRequestBuilder newSession(String address) {
        return post("/api/v1/visitor/sessions").with(remote(address));
    }

    String visitorToken(String address) throws Exception {
        String body = mvc.perform(newSession(address)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return com.jayway.jsonpath.JsonPath.read(body, "$.token");
    }

    ResultActions botMessage(String token, String address) throws Exception {
        String session = token.substring(0, token.lastIndexOf('.'));
        return mvc.perform(post("/api/v1/bot/messages").with(remote(address)).header("X-Visitor-Token", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"sessionId\":\"" + session + "\",\"text\":\"你好\"}"));
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
