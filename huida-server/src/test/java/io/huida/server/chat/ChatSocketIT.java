package io.huida.server.chat;

import io.huida.server.conversation.ChatEntry;
import io.huida.server.conversation.ConversationLifecycle;
import io.huida.server.conversation.ConversationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The visitor's live chat over a real WebSocket: messages, acknowledgements, resume after a dropped connection. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "huida.data-dir=target/it-dialog-h2",
        "huida.demo-data=true",
        "huida.admin-password=dialog-admin-pw",
        "spring.datasource.url=jdbc:h2:mem:huida-dialog-it;DB_CLOSE_DELAY=-1",
        "huida.widget.site-secret=test-site-secret"})
@AutoConfigureMockMvc
class ChatSocketIT {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ConversationService conversations;

    @Autowired
    ConversationLifecycle lifecycle;

    /** A test client: every frame it receives, in order. */
    static final class Client implements WebSocket.Listener {
        final List<JsonNode> frames = java.util.Collections.synchronizedList(new ArrayList<>());
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String json) {
            socket.sendText(json, true).join();
        }

        /** The first frame received so far (or within 15 s) that is {@code wanted}; frames are never consumed. */
        JsonNode await(Predicate<JsonNode> wanted) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < end) {
                synchronized (frames) {
                    for (JsonNode f : frames) {
                        if (wanted.test(f)) {
                            return f;
                        }
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no such frame within 15 s; got " + frames);
        }
    }

    private String[] session() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/visitor/sessions")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        return new String[]{body.path("sessionId").asString(), body.path("token").asString()};
    }

    private Client connect(String token, long lastSeq) throws Exception {
        Client c = new Client();
        c.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat?token=" + token), c).get(10, TimeUnit.SECONDS);
        c.send("{\"type\":\"hello\",\"lastSeq\":" + lastSeq + "}");
        c.await(f -> f.path("type").asString().equals("ready"));
        return c;
    }

    @Test
    void aMessageIsAcknowledgedAndAnsweredByTheBotLive() throws Exception {
        String[] s = session();
        Client c = connect(s[1], 0);
        c.send("{\"type\":\"message\",\"clientId\":\"m1\",\"text\":\"信用卡年费多少钱？\"}");
        JsonNode ack = c.await(f -> f.path("type").asString().equals("ack"));
        assertThat(ack.path("clientId").asString()).isEqualTo("m1");
        JsonNode bot = c.await(f -> f.path("sender").asString().equals("bot"));
        assertThat(bot.path("seq").asLong()).isEqualTo(ack.path("seq").asLong() + 1);
        assertThat(bot.path("reply").path("type").asString()).isEqualTo("ANSWER");
        assertThat(bot.path("text").asString()).contains("年费");
        c.socket.abort();
    }

    @Test
    void aCustomerSignedByTheHostSiteIsKnownAndVipGoesFirst() throws Exception {
        String[] s = session();
        Client c = new Client();
        c.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat?token=" + s[1]), c).get(10, TimeUnit.SECONDS);
        long exp = Instant.now().getEpochSecond() + 600;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("test-site-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = java.util.HexFormat.of().formatHex(mac.doFinal(("C77|王女士|vip|" + exp).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        c.send("{\"type\":\"hello\",\"lastSeq\":0,\"user\":{\"id\":\"C77\",\"name\":\"王女士\",\"segment\":\"vip\",\"expires\":"
                + exp + ",\"sig\":\"" + sig + "\"}}");
        c.await(f -> f.path("type").asString().equals("ready"));
        c.send("{\"type\":\"message\",\"clientId\":\"k1\",\"text\":\"转人工\"}");
        c.await(f -> f.path("type").asString().equals("ack"));
        var conv = lifecycle.find(s[0]).orElseThrow();
        assertThat(conv.customerId()).isEqualTo("C77");
        assertThat(conv.customerName()).isEqualTo("王女士");
        assertThat(conv.vip()).isTrue();
        assertThat(lifecycle.queue(1000).get(0).vip()).isTrue();
        c.socket.abort();
    }

    @Test
    void typingAndReadReceiptsPassBetweenVisitorAndTheOwningAgent() throws Exception {
        String[] s = session();
        Client visitor = connect(s[1], 0);
        visitor.send("{\"type\":\"message\",\"clientId\":\"t1\",\"text\":\"转人工\"}");
        visitor.await(f -> f.path("type").asString().equals("ack"));
        visitor.await(f -> f.path("sender").asString().equals("bot")); // the ack comes first; the handoff with the reply
        assertThat(lifecycle.assign(s[0], "admin", Instant.now())).isTrue();
        Client agent = new Client();
        String basic = java.util.Base64.getEncoder().encodeToString("admin:dialog-admin-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        agent.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Basic " + basic)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/agent"), agent).get(10, TimeUnit.SECONDS);
        Thread.sleep(200);
        agent.send("{\"type\":\"typing\",\"conversationId\":\"" + s[0] + "\"}");
        visitor.await(f -> f.path("type").asString().equals("typing") && f.path("sender").asString().equals("agent"));
        conversations.postAgentMessage(s[0], "admin", "您好", "r1", Instant.now());
        JsonNode pushed = agent.await(f -> f.path("type").asString().equals("message") && f.path("conversationId").asString().equals(s[0])
                && f.path("message").path("sender").asString().equals("agent"));
        long seq = pushed.path("message").path("seq").asLong();
        visitor.send("{\"type\":\"typing\"}");
        agent.await(f -> f.path("type").asString().equals("typing") && f.path("conversationId").asString().equals(s[0]));
        visitor.send("{\"type\":\"read\",\"seq\":" + seq + "}");
        assertThat(agent.await(f -> f.path("type").asString().equals("read")).path("seq").asLong()).isEqualTo(seq);
        agent.send("{\"type\":\"read\",\"conversationId\":\"" + s[0] + "\",\"seq\":1}");
        assertThat(visitor.await(f -> f.path("type").asString().equals("read")).path("seq").asLong()).isEqualTo(1);
        // a conversation the agent does not own: its signals are dropped
        agent.send("{\"type\":\"typing\",\"conversationId\":\"someone-elses\"}");
        visitor.socket.abort();
        agent.socket.abort();
    }

    @Autowired
    io.huida.server.routing.Agents agents;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Client agentFeed(String name, String team, String skill) throws Exception {
        jdbc.sql("insert into app_user (username, password_hash, role, created_at) select ?, '{noop}feed-pw-123', 'AGENT', ?"
                + " where not exists (select 1 from app_user where username = ?)").params(name, java.sql.Timestamp.from(Instant.now()), name).update();
        agents.update(name, new io.huida.server.routing.UpdateAgentRequest(name, team, List.of(skill), 5, false));
        Client c = new Client();
        String basic = java.util.Base64.getEncoder().encodeToString((name + ":feed-pw-123").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        c.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Basic " + basic)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/agent"), c).get(10, TimeUnit.SECONDS);
        return c;
    }

    @Test
    void theAgentFeedTellsOnlyOfConversationsTheAgentMayOpen() throws Exception {
        Client shop = agentFeed("feed-shop", "电商组", "电商");
        Client card = agentFeed("feed-card", "信用卡组", "信用卡");
        Thread.sleep(200);
        String[] s = session();
        Client visitor = connect(s[1], 0);
        visitor.send("{\"type\":\"message\",\"clientId\":\"f1\",\"text\":\"怎么申请退货？\"}");
        visitor.await(f -> f.path("sender").asString().equals("bot"));
        visitor.send("{\"type\":\"message\",\"clientId\":\"f2\",\"text\":\"转人工\"}");
        shop.await(f -> f.path("type").asString().equals("conversation") && f.path("conversation").path("id").asString().equals(s[0]));
        Thread.sleep(300);
        synchronized (card.frames) {
            assertThat(card.frames).noneMatch(f -> f.path("conversation").path("id").asString().equals(s[0]));
        }
        visitor.socket.abort();
        shop.socket.abort();
        card.socket.abort();
    }

    @Test
    void aBadTokenIsRefusedAndBadFramesGetErrors() throws Exception {
        Client refused = new Client();
        Throwable failure = null;
        try {
            HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat?token=forged"), refused).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        Client c = connect(session()[1], 0);
        c.send("not json");
        assertThat(c.await(f -> f.path("type").asString().equals("error")).path("status").asInt()).isEqualTo(400);
        c.send("{\"type\":\"message\",\"clientId\":\"<script>\",\"text\":\"hi\"}");
        assertThat(c.await(f -> f.path("type").asString().equals("error") && f.path("detail").asString().startsWith("clientId"))
                .path("status").asInt()).isEqualTo(400);
        c.send("{\"type\":\"message\",\"clientId\":\"long\",\"text\":\"" + "长".repeat(2001) + "\"}");
        assertThat(c.await(f -> f.path("type").asString().equals("error") && f.path("clientId").asString().equals("long"))
                .path("detail").asString()).contains("2000");
        c.socket.abort();
    }

    @Test
    void messagesSentWhileTheConnectionWasDownArriveExactlyOnceAfterReconnect() throws Exception {
        String[] s = session();
        Client first = connect(s[1], 0);
        first.send("{\"type\":\"message\",\"clientId\":\"a1\",\"text\":\"转人工\"}");
        first.await(f -> f.path("sender").asString().equals("bot"));
        long seen = 2;
        assertThat(lifecycle.assign(s[0], "agent-x", Instant.now())).isTrue();

        // the visitor sends and the connection drops before the acknowledgement is read
        first.send("{\"type\":\"message\",\"clientId\":\"a2\",\"text\":\"我的订单到哪了\"}");
        first.socket.abort();
        // meanwhile the agent answers twice
        conversations.postAgentMessage(s[0], "agent-x", "您好，我是客服小王", "g1", Instant.now());
        conversations.postAgentMessage(s[0], "agent-x", "请问订单号是多少？", "g2", Instant.now());
        conversations.postAgentMessage(s[0], "agent-x", "请问订单号是多少？", "g2", Instant.now()); // agent's resend

        // reconnect from the last message seen and resend the unacknowledged message
        Client again = connect(s[1], seen);
        again.send("{\"type\":\"message\",\"clientId\":\"a2\",\"text\":\"我的订单到哪了\"}");
        again.await(f -> f.path("type").asString().equals("ack"));
        Thread.sleep(300);
        List<Long> seqs = new ArrayList<>();
        synchronized (again.frames) {
            for (JsonNode f : again.frames) {
                if (f.path("type").asString().equals("message")) {
                    seqs.add(f.path("seq").asLong());
                }
            }
        }
        // stored once each (the visitor's resend and the agent's resend included), numbered without gaps
        List<ChatEntry> stored = conversations.transcript(s[0], 100);
        assertThat(stored).extracting(ChatEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(stored).extracting(ChatEntry::sender).containsExactlyInAnyOrder("customer", "bot", "customer", "agent", "agent");
        assertThat(stored).filteredOn(e -> "a2".equals(e.clientId())).hasSize(1);
        assertThat(stored).filteredOn(e -> "g2".equals(e.clientId())).hasSize(1);
        // the reconnected visitor gets everything after seq 2 exactly once, in order (the bot stays quiet: an agent owns it)
        assertThat(seqs).containsExactly(3L, 4L, 5L);
        again.socket.abort();
    }
}
