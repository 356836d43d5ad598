package io.huida.server.chat;

import io.huida.server.conversation.Conversation;
import io.huida.server.conversation.ConversationEvents;
import io.huida.server.conversation.ConversationLifecycle;
import io.huida.server.conversation.ConversationStatus;
import io.huida.server.routing.AgentStatus;
import io.huida.server.routing.Agents;
import io.huida.server.routing.UpdateAgentRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 visitors ask for a human over their WebSockets at the same moment, 20 of them VIPs the host site signed; then 20
 * agents of capacity 5 come online at the same moment. Every conversation is assigned at most once, no agent holds more
 * than 5, every VIP is served before anyone else, and the other 100 wait in the order they asked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huida.data-dir=target/it-routing-ws",
        "huida.demo-data=true",
        "huida.admin-password=dialog-admin-pw",
        "spring.datasource.url=jdbc:h2:mem:huida-routing-ws-it;DB_CLOSE_DELAY=-1",
        "huida.widget.site-secret=test-site-secret",
        "huida.rate-limit.enabled=false"}) // its own database: one router per database (200 sessions from one address)
@AutoConfigureMockMvc
class RoutingOverWebSocketIT {

    private static final int VISITORS = 200;
    private static final int VIPS = 20;
    private static final int AGENTS = 20;

    /** Every assignment event, by conversation. */
    static final Map<String, List<String>> ASSIGNMENTS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    ConversationLifecycle lifecycle;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @org.springframework.boot.test.context.TestConfiguration
    static class Recorder {
        @EventListener
        void on(ConversationEvents.StatusChanged e) {
            if (e.to() == ConversationStatus.ASSIGNED && e.from() != ConversationStatus.ASSIGNED) {
                ASSIGNMENTS.computeIfAbsent(e.conversation().id(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(e.agent());
            }
        }
    }

    @AfterEach
    void offline() {
        for (int i = 0; i < AGENTS; i++) {
            agents.setStatus("load-agent-" + i, AgentStatus.OFFLINE);
        }
    }

    private static String sign(String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-site-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void twoHundredHandoffsAtOnceToTwentyAgents() throws Exception {
        lifecycle.queue(10_000).forEach(c -> lifecycle.resolve(c.id(), "test", Instant.now()));
        for (int i = 0; i < AGENTS; i++) {
            String name = "load-agent-" + i;
            jdbc.sql("insert into app_user (username, password_hash, role, created_at) select ?, '{noop}x', 'AGENT', ?"
                    + " where not exists (select 1 from app_user where username = ?)").params(name, Timestamp.from(Instant.now()), name).update();
            agents.update(name, new UpdateAgentRequest(name, "load", List.of("电商", "信用卡", "电信", "银行", "English"), 5, false));
        }
        HttpClient http = HttpClient.newHttpClient();
        List<ChatSocketIT.Client> clients = new ArrayList<>();
        Map<ChatSocketIT.Client, Boolean> vip = new HashMap<>();
        for (int i = 0; i < VISITORS; i++) {
            ChatSocketIT.Client c = new ChatSocketIT.Client();
            c.socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat"), c)
                    .get(10, TimeUnit.SECONDS);
            boolean isVip = i % (VISITORS / VIPS) == 7;
            String user = "";
            if (isVip) {
                long exp = Instant.now().getEpochSecond() + 600;
                user = ",\"user\":{\"id\":\"V" + i + "\",\"name\":\"\",\"segment\":\"vip\",\"expires\":" + exp
                        + ",\"sig\":\"" + sign("V" + i + "||vip|" + exp) + "\"}";
            }
            c.send("{\"type\":\"hello\",\"lastSeq\":0" + user + "}");
            clients.add(c);
            vip.put(c, isVip);
        }
        for (ChatSocketIT.Client c : clients) {
            c.await(f -> f.path("type").asString().equals("ready"));
        }
        // everyone asks for a human at the same moment
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (ChatSocketIT.Client c : clients) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    c.send("{\"type\":\"message\",\"clientId\":\"h1\",\"text\":\"转人工\"}");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            senders.add(t);
        }
        go.countDown();
        for (Thread t : senders) {
            t.join();
        }
        Map<ChatSocketIT.Client, String> ids = new HashMap<>();
        for (ChatSocketIT.Client c : clients) {
            ids.put(c, c.await(f -> f.path("type").asString().equals("session")).path("conversationId").asString());
            c.await(f -> f.path("sender").asString().equals("bot"));
        }
        Set<String> mine = new java.util.HashSet<>(ids.values());
        // all 200 wait; then the 20 agents start their shift at the same moment
        assertThat(mine.stream().map(id -> lifecycle.find(id).orElseThrow().status())).containsOnly(ConversationStatus.QUEUED);
        List<Thread> shift = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String name = "load-agent-" + i;
            Thread t = new Thread(() -> agents.setStatus(name, AgentStatus.ONLINE));
            t.start();
            shift.add(t);
        }
        for (Thread t : shift) {
            t.join();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Conversation> ours;
        do {
            Thread.sleep(200);
            ours = mine.stream().map(id -> lifecycle.find(id).orElseThrow()).toList();
        } while (ours.stream().filter(c -> c.status() == ConversationStatus.ASSIGNED).count() < AGENTS * 5
                && System.nanoTime() < deadline);
        Thread.sleep(1500); // a router pass that would wrongly assign more has time to do so

        ours = mine.stream().map(id -> lifecycle.find(id).orElseThrow()).toList();
        List<Conversation> assigned = ours.stream().filter(c -> c.status() == ConversationStatus.ASSIGNED).toList();
        List<Conversation> waiting = ours.stream().filter(c -> c.status() == ConversationStatus.QUEUED)
                .sorted(java.util.Comparator.comparing(Conversation::queuedAt)).toList();
        assertThat(assigned).hasSize(AGENTS * 5);
        assertThat(waiting).hasSize(VISITORS - AGENTS * 5);
        // each assigned exactly once
        for (Conversation c : assigned) {
            assertThat(ASSIGNMENTS.get(c.id())).as("assignments of %s", c.id()).hasSize(1);
        }
        for (Conversation c : waiting) {
            assertThat(ASSIGNMENTS.get(c.id())).as("assignments of waiting %s", c.id()).isNull();
        }
        // no agent above capacity, all twenty used
        Map<String, Long> load = assigned.stream().collect(Collectors.groupingBy(Conversation::agent, Collectors.counting()));
        assertThat(load).hasSize(AGENTS);
        assertThat(load.values()).allMatch(n -> n == 5);
        // VIPs first; the rest served and queued in the order they asked
        assertThat(assigned.stream().filter(Conversation::vip)).hasSize(VIPS);
        assertThat(waiting).noneMatch(Conversation::vip);
        Instant lastServed = assigned.stream().filter(c -> !c.vip()).map(Conversation::queuedAt).max(Instant::compareTo).orElseThrow();
        assertThat(waiting.get(0).queuedAt()).isAfterOrEqualTo(lastServed);
        assertThat(lifecycle.queue(10_000).stream().filter(c -> mine.contains(c.id())).map(Conversation::id).toList())
                .containsExactlyElementsOf(waiting.stream().map(Conversation::id).toList());
        clients.forEach(c -> c.socket.abort());
    }
}
