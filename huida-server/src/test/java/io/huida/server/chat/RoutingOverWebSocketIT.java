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
 * 200 visitors ask for a human over their WebSockets at the same moment, 20 of them VIPs the host site signed, and 20
 * agents of capacity 5 either come online afterwards at the same moment or are online during the burst. Every
 * conversation is assigned at most once, no agent holds more than 5, VIPs are served before anyone else, and the others
 * wait in the order they asked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huida.data-dir=target/it-routing-ws",
        "huida.demo-data=true",
        "huida.admin-password=dialog-admin-pw",
        "spring.datasource.url=jdbc:h2:mem:huida-routing-ws-it;DB_CLOSE_DELAY=-1",
        "huida.widget.site-secret=test-site-secret",
        "huida.routing.accept-timeout=10m", // nobody accepts here: assignments must stay put while the test looks
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

    /** Agents go offline (the router gives back what they held) and every conversation left open is closed. */
    @AfterEach
    void offline() throws InterruptedException {
        shift(AgentStatus.OFFLINE);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        boolean open;
        do {
            Thread.sleep(300);
            open = closeAll() > 0;
        } while (open && System.nanoTime() < end);
    }

    /** Resolves the waiting conversations and those the load agents own; how many there were. */
    private int closeAll() {
        List<Conversation> left = new ArrayList<>(lifecycle.queue(10_000));
        for (int i = 0; i < AGENTS; i++) {
            left.addAll(lifecycle.ownedBy("load-agent-" + i));
        }
        left.forEach(c -> lifecycle.resolve(c.id(), "test", Instant.now()));
        return left.size();
    }

    private static String sign(String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-site-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** The 20 load agents (capacity 5, every demo skill), offline; conversations other tests left waiting closed. */
    private void twentyAgents() {
        closeAll();
        for (int i = 0; i < AGENTS; i++) {
            String name = "load-agent-" + i;
            jdbc.sql("insert into app_user (username, password_hash, role, created_at) select ?, '{noop}x', 'AGENT', ?"
                    + " where not exists (select 1 from app_user where username = ?)").params(name, Timestamp.from(Instant.now()), name).update();
            agents.update(name, new UpdateAgentRequest(name, "load", List.of("电商", "信用卡", "电信", "银行", "English"), 5, false));
        }
    }

    /** Sets every load agent's status at the same moment (one thread each). */
    private void shift(AgentStatus status) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String name = "load-agent-" + i;
            Thread t = new Thread(() -> agents.setStatus(name, status));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** {@code count} visitors connected over WebSocket and greeted; VIPs (signed by the host site) where {@code vip} says. */
    private List<ChatSocketIT.Client> visitors(HttpClient http, int count, java.util.function.IntPredicate vip) throws Exception {
        List<ChatSocketIT.Client> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChatSocketIT.Client c = new ChatSocketIT.Client();
            c.socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat"), c)
                    .get(10, TimeUnit.SECONDS);
            String user = "";
            if (vip.test(i)) {
                String id = "V" + System.nanoTime();
                long exp = Instant.now().getEpochSecond() + 600;
                user = ",\"user\":{\"id\":\"" + id + "\",\"name\":\"\",\"segment\":\"vip\",\"expires\":" + exp
                        + ",\"sig\":\"" + sign(id + "||vip|" + exp) + "\"}";
            }
            c.send("{\"type\":\"hello\",\"lastSeq\":0" + user + "}");
            clients.add(c);
        }
        for (ChatSocketIT.Client c : clients) {
            c.await(f -> f.path("type").asString().equals("ready"));
        }
        return clients;
    }

    /** Every client asks for a human at the same moment; the conversation ids, in the clients' order. */
    private static List<String> handOffAtOnce(List<ChatSocketIT.Client> clients) throws Exception {
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
        List<String> ids = new ArrayList<>();
        for (ChatSocketIT.Client c : clients) {
            ids.add(c.await(f -> f.path("type").asString().equals("session")).path("conversationId").asString());
            c.await(f -> f.path("sender").asString().equals("bot"));
        }
        return ids;
    }

    /** The conversations once {@code assigned} of them are assigned (or 30 s passed), after a pause for wrong extra passes. */
    private List<Conversation> settle(Set<String> mine, long assigned) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Conversation> ours;
        do {
            Thread.sleep(200);
            ours = mine.stream().map(id -> lifecycle.find(id).orElseThrow()).toList();
        } while (ours.stream().filter(c -> c.status() == ConversationStatus.ASSIGNED).count() < assigned
                && System.nanoTime() < deadline);
        Thread.sleep(1500); // a router pass that would wrongly assign more has time to do so
        return mine.stream().map(id -> lifecycle.find(id).orElseThrow()).toList();
    }

    /** Assigned exactly once each, never to an agent above capacity; waiting ones never assigned. */
    private static void exactlyOnceWithinCapacity(List<Conversation> assigned, List<Conversation> waiting) {
        for (Conversation c : assigned) {
            assertThat(ASSIGNMENTS.get(c.id())).as("assignments of %s", c.id()).hasSize(1);
        }
        for (Conversation c : waiting) {
            assertThat(ASSIGNMENTS.get(c.id())).as("assignments of waiting %s", c.id()).isNull();
        }
        Map<String, Long> load = assigned.stream().collect(Collectors.groupingBy(Conversation::agent, Collectors.counting()));
        assertThat(load).hasSize(AGENTS);
        assertThat(load.values()).allMatch(n -> n == 5);
    }

    private static List<Conversation> withStatus(List<Conversation> ours, ConversationStatus status) {
        return ours.stream().filter(c -> c.status() == status).sorted(java.util.Comparator.comparing(Conversation::queuedAt)).toList();
    }

    @Test
    void twoHundredHandoffsAtOnceToTwentyAgents() throws Exception {
        twentyAgents();
        HttpClient http = HttpClient.newHttpClient();
        List<ChatSocketIT.Client> clients = visitors(http, VISITORS, i -> i % (VISITORS / VIPS) == 7);
        Set<String> mine = new java.util.HashSet<>(handOffAtOnce(clients));
        // all 200 wait; then the 20 agents start their shift at the same moment
        assertThat(mine.stream().map(id -> lifecycle.find(id).orElseThrow().status())).containsOnly(ConversationStatus.QUEUED);
        shift(AgentStatus.ONLINE);
        List<Conversation> ours = settle(mine, AGENTS * 5);

        List<Conversation> assigned = withStatus(ours, ConversationStatus.ASSIGNED);
        List<Conversation> waiting = withStatus(ours, ConversationStatus.QUEUED);
        assertThat(assigned).hasSize(AGENTS * 5);
        assertThat(waiting).hasSize(VISITORS - AGENTS * 5);
        exactlyOnceWithinCapacity(assigned, waiting);
        // VIPs first; the rest served and queued in the order they asked
        assertThat(assigned.stream().filter(Conversation::vip)).hasSize(VIPS);
        assertThat(waiting).noneMatch(Conversation::vip);
        Instant lastServed = assigned.stream().filter(c -> !c.vip()).map(Conversation::queuedAt).max(Instant::compareTo).orElseThrow();
        assertThat(waiting.get(0).queuedAt()).isAfterOrEqualTo(lastServed);
        assertThat(lifecycle.queue(10_000).stream().filter(c -> mine.contains(c.id())).map(Conversation::id).toList())
                .containsExactlyElementsOf(waiting.stream().map(Conversation::id).toList());
        clients.forEach(c -> c.socket.abort());
    }

    /**
     * The agents are online while the burst arrives: 180 customers at once fill all 100 places and 80 wait; then 20
     * VIPs ask and go ahead of those 80; when 20 chats end, the freed places go to the VIPs, not to the earlier 80.
     */
    @Test
    void aBurstWhileAgentsAreOnlineFillsThemExactlyAndLaterVipsGoAheadOfTheWaiting() throws Exception {
        twentyAgents();
        shift(AgentStatus.ONLINE);
        HttpClient http = HttpClient.newHttpClient();
        List<ChatSocketIT.Client> regular = visitors(http, VISITORS - VIPS, i -> false);
        List<ChatSocketIT.Client> vips = visitors(http, VIPS, i -> true);
        Set<String> mine = new java.util.HashSet<>(handOffAtOnce(regular));
        List<Conversation> ours = settle(mine, AGENTS * 5);
        List<Conversation> assigned = withStatus(ours, ConversationStatus.ASSIGNED);
        List<Conversation> waiting = withStatus(ours, ConversationStatus.QUEUED);
        assertThat(assigned).hasSize(AGENTS * 5);
        assertThat(waiting).hasSize(VISITORS - VIPS - AGENTS * 5);
        exactlyOnceWithinCapacity(assigned, waiting);

        List<String> vipIds = handOffAtOnce(vips);
        Thread.sleep(1000);
        assertThat(vipIds.stream().map(id -> lifecycle.find(id).orElseThrow().status())).containsOnly(ConversationStatus.QUEUED);
        List<String> queue = lifecycle.queue(10_000).stream().map(Conversation::id).toList();
        assertThat(queue.subList(0, VIPS)).containsExactlyInAnyOrderElementsOf(vipIds);
        assertThat(queue.subList(VIPS, queue.size())).containsExactlyElementsOf(waiting.stream().map(Conversation::id).toList());

        // 20 chats end at once: exactly the 20 VIPs take the freed places
        List<Thread> enders = new ArrayList<>();
        for (Conversation c : assigned.subList(0, VIPS)) {
            Thread t = new Thread(() -> lifecycle.resolve(c.id(), c.agent(), "SOLVED", null, Instant.now()));
            t.start();
            enders.add(t);
        }
        for (Thread t : enders) {
            t.join();
        }
        Set<String> all = new java.util.HashSet<>(mine);
        all.addAll(vipIds);
        List<Conversation> after = settle(new java.util.HashSet<>(vipIds), VIPS);
        assertThat(after).allMatch(c -> c.status() == ConversationStatus.ASSIGNED);
        List<Conversation> now = all.stream().map(id -> lifecycle.find(id).orElseThrow()).toList();
        exactlyOnceWithinCapacity(withStatus(now, ConversationStatus.ASSIGNED), withStatus(now, ConversationStatus.QUEUED));
        assertThat(withStatus(now, ConversationStatus.QUEUED).stream().map(Conversation::id).toList())
                .containsExactlyElementsOf(waiting.stream().map(Conversation::id).toList());
        regular.forEach(c -> c.socket.abort());
        vips.forEach(c -> c.socket.abort());
    }
}
