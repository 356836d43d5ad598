package io.huida.server.routing;

import io.huida.server.system.HuidaProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * With {@code huida.demo-data=true}: agents for the demo knowledge base's categories and a supervisor, created with
 * their logins (password {@code huida.demo.agent-password}) on first start (no agent yet); existing users are left alone.
 * Agents start OFFLINE.
 */
@Component
class DemoAgents implements ApplicationRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoAgents.class);

    /** The demo agents: e-commerce, credit cards for VIPs, telecom and broadband, cards and banking. */
    static final List<Agent> AGENTS = List.of(
            demo("agent1", "小慧", "电商组", List.of("电商", "售后退款"), false),
            demo("agent2", "小达", "金融组", List.of("信用卡", "银行"), true),
            demo("agent3", "小信", "电信组", List.of("电信", "宽带"), false),
            demo("agent4", "小银", "金融组", List.of("信用卡", "银行", "English"), false));

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AgentRepository agents;
    private final HuidaProperties huida;
    private final String password;
    private final Clock clock;

    DemoAgents(JdbcClient jdbc, PasswordEncoder encoder, AgentRepository agents, HuidaProperties huida,
               @Value("${huida.demo.agent-password:huida-demo-2026}") String password, Clock routingClock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.agents = agents;
        this.huida = huida;
        this.password = password;
        this.clock = routingClock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!huida.demoData() || !agents.all().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Agent a : AGENTS) {
            createUser(a.username(), "AGENT", now);
            if (agents.find(a.username()).isEmpty()) {
                agents.save(new Agent(a.username(), a.displayName(), a.team(), a.skills(), a.maxConcurrent(), a.status(), now,
                        a.vipDedicated(), null), now);
            }
        }
        createUser("supervisor", "SUPERVISOR", now);
        log.warn("Demo agents agent1..agent4 and supervisor exist with the demo password (huida.demo.agent-password);"
                + " set HUIDA_DEMO_DATA=false for a real installation, or change their passwords");
    }

    private void createUser(String username, String role, Instant now) {
        if (!agents.userExists(username)) {
            jdbc.sql("insert into app_user (username, password_hash, role, created_at, display_name, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(username, encoder.encode(password), role, Timestamp.from(now), username, Timestamp.from(now)).update();
        }
    }

    private static Agent demo(String username, String name, String team, List<String> skills, boolean vipDedicated) {
        return new Agent(username, name, team, skills, 5, AgentStatus.OFFLINE, Instant.EPOCH, vipDedicated, null);
    }
}
