package io.huida.server.chat;

import io.huida.engine.dialog.DialogRequest;
import io.huida.server.conversation.ConversationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * The visitor's live chat connection, {@code /ws/chat?token=…} (without a token a new conversation is opened and
 * its token sent first as {@code {"type":"session","conversationId":"…","token":"…"}}). Frames are JSON objects:
 * <ul>
 *   <li>client → server {@code {"type":"hello","lastSeq":N,"user":{…}}}: resume; every message after N follows, then
 *       {@code {"type":"ready"}}; the optional {@code user} is a customer the host site signed ({@link KnownCustomers});</li>
 *   <li>{@code {"type":"message","clientId":"…","text":"…"}}: a message; answered with
 *       {@code {"type":"ack","clientId":"…","seq":N}} once it is stored (a resend with the same client id is stored
 *       once and acknowledged with the same seq);</li>
 *   <li>server → client {@code {"type":"message","seq":N,"sender":"customer|bot|agent|system","text":"…",…}} for every
 *       message of the conversation, each once per connection, bot messages with the full {@code reply};</li>
 *   <li>{@code {"type":"typing"}} and {@code {"type":"read","seq":N}} go to the agent; the agent's come back as
 *       {@code {"type":"typing","sender":"agent"}} and {@code {"type":"read","seq":N}};</li>
 *   <li>{@code {"type":"rate","score":1-5,"comment":"…"}} rates a resolved conversation (after a system message of
 *       {@code "kind":"RATE"}), answered with {@code {"type":"rated"}};</li>
 *   <li>{@code {"type":"error","clientId":"…","status":400,"detail":"…"}} when a message is refused.</li>
 * </ul>
 */
@Component
class VisitorSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(VisitorSocketHandler.class);
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final String PEER = "huida.peer";

    private final ChatHub hub;
    private final ConversationService conversations;
    private final ExecutorService workers;
    private final ObjectMapper json = JsonMapper.builder().build();

    private final io.huida.server.workspace.WorkspaceService workspace;
    private final KnownCustomers known;
    private final org.springframework.context.ApplicationEventPublisher signals;
    private final io.huida.server.system.RateLimits limits;

    VisitorSocketHandler(ChatHub hub, ConversationService conversations, ChatConfig.ChatWorkers workers,
                         io.huida.server.workspace.WorkspaceService workspace, KnownCustomers known,
                         org.springframework.context.ApplicationEventPublisher signals, io.huida.server.system.RateLimits limits) {
        this.signals = signals;
        this.limits = limits;
        this.workspace = workspace;
        this.known = known;
        this.hub = hub;
        this.conversations = conversations;
        this.workers = workers.executor();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        String conversationId = (String) session.getAttributes().get(ChatConfig.CONVERSATION);
        WebSocketSession safe = new ConcurrentWebSocketSessionDecorator(session, 10_000, 512 * 1024);
        ChatPeer peer = new ChatPeer(conversationId, safe, json);
        peer.ip((String) session.getAttributes().get(ChatConfig.CLIENT_IP));
        session.getAttributes().put(PEER, peer);
        Object issued = session.getAttributes().get(ChatConfig.ISSUED_TOKEN);
        if (issued != null) { // keep it: with it the visitor comes back to this conversation
            peer.send(Map.of("type", "session", "conversationId", conversationId, "token", issued));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        ChatPeer peer = (ChatPeer) session.getAttributes().get(PEER);
        JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (RuntimeException e) {
            peer.send(error(null, 400, "frames must be JSON objects"));
            return;
        }
        String type = frame.path("type").asString("");
        switch (type) {
            case "hello" -> {
                JsonNode user = frame.path("user");
                if (user.isObject()) {
                    known.verify(user.path("id").asString(null), user.path("name").asString(null),
                            user.path("segment").asString(null), user.path("expires").asLong(0), user.path("sig").asString(null))
                            .ifPresent(peer::customer);
                }
                hub.join(peer, Math.max(0, frame.path("lastSeq").asLong(0)));
            }
            case "message" -> message(peer, frame);
            case "rate" -> rate(peer, frame);
            case "typing" -> signals.publishEvent(new ChatSignals.Typing(peer.conversationId(), "customer"));
            case "read" -> signals.publishEvent(new ChatSignals.Read(peer.conversationId(), "customer",
                    Math.max(0, frame.path("seq").asLong(0))));
            default -> peer.send(error(null, 400, "unknown frame type '" + type + "'"));
        }
    }

    private void message(ChatPeer peer, JsonNode frame) {
        String clientId = frame.path("clientId").asString("");
        String text = frame.path("text").asString("");
        if (!CLIENT_ID.matcher(clientId).matches()) {
            peer.send(error(null, 400, "clientId must be 1 to 64 letters, digits or _.:-, got '"
                    + (clientId.length() > 70 ? clientId.substring(0, 70) + "…" : clientId) + "'"));
            return;
        }
        var denied = limits.visitorMessage(peer.conversationId(), peer.ip());
        if (denied.isPresent()) {
            Map<String, Object> e = error(clientId, 429, denied.get().reason());
            e.put("retryAfter", denied.get().retryAfterSeconds());
            peer.send(e);
            return;
        }
        workers.execute(() -> {
            try {
                DialogRequest request = new DialogRequest(text, "web", peer.customer(), Instant.now());
                conversations.post(peer.conversationId(), "visitor:" + peer.conversationId(), request, clientId, stored -> {
                    Map<String, Object> ack = new LinkedHashMap<>(); // stored: acknowledged before the bot works on it
                    ack.put("type", "ack");
                    ack.put("clientId", clientId);
                    ack.put("seq", stored.seq());
                    peer.send(ack);
                });
            } catch (IllegalArgumentException e) {
                peer.send(error(clientId, 400, e.getMessage()));
            } catch (RuntimeException e) {
                log.warn("chat message of {} failed: {}", peer.conversationId(), e.toString());
                peer.send(error(clientId, 503, "the message could not be handled; send it again"));
            }
        });
    }

    private void rate(ChatPeer peer, JsonNode frame) {
        try {
            var r = workspace.rate(peer.conversationId(), frame.path("score").asInt(0), frame.path("comment").asString(null));
            peer.send(Map.of("type", "rated", "score", r.score()));
        } catch (IllegalArgumentException e) {
            peer.send(error(null, 400, e.getMessage()));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ChatPeer peer = (ChatPeer) session.getAttributes().get(PEER);
        if (peer != null) {
            hub.leave(peer);
        }
    }

    private static Map<String, Object> error(String clientId, int status, String detail) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "error");
        if (clientId != null) {
            e.put("clientId", clientId);
        }
        e.put("status", status);
        e.put("detail", detail);
        return e;
    }
}
