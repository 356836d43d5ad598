package io.huida.server.chat;

import io.huida.server.conversation.ChatEntry;
import io.huida.server.conversation.Conversation;
import io.huida.server.conversation.ConversationEvents;
import io.huida.server.conversation.ConversationLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent workspace's live feed, {@code /ws/agent} (signed-in agents, supervisors and admins): every status change of
 * a conversation the agent may open ({@code {"type":"conversation","conversation":{…}}}, so queue and my-chats lists
 * stay current) and
 * every message of the conversations the agent owns ({@code {"type":"message","conversationId":…,…}});
 * supervisors and admins get the messages of all conversations; the customer's typing and read receipts reach the
 * owner. Agents send {@code {"type":"typing"|"read","conversationId":…,"seq":N}}; actions go through the REST API.
 */
@Component
class AgentSocketHandler extends TextWebSocketHandler {

    private final ConversationLifecycle lifecycle;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Set<Agent> agents = ConcurrentHashMap.newKeySet();

    private record Agent(String name, boolean supervisor, WebSocketSession socket) {
    }

    private final org.springframework.context.ApplicationEventPublisher signals;

    private final io.huida.server.workspace.WorkspaceService workspace;

    AgentSocketHandler(ConversationLifecycle lifecycle, org.springframework.context.ApplicationEventPublisher signals,
                       io.huida.server.workspace.WorkspaceService workspace) {
        this.workspace = workspace;
        this.lifecycle = lifecycle;
        this.signals = signals;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        if (!(session.getPrincipal() instanceof Authentication auth) || !auth.isAuthenticated() || !staff(auth)) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("sign in as an agent"));
            return;
        }
        boolean supervisor = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR")
                || a.getAuthority().equals("ROLE_ADMIN"));
        agents.add(new Agent(auth.getName(), supervisor, new ConcurrentWebSocketSessionDecorator(session, 10_000, 512 * 1024)));
    }

    /** Agents send {@code typing} and {@code read} signals for conversations they own; everything else is REST. */
    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        String name = session.getPrincipal() == null ? null : session.getPrincipal().getName();
        tools.jackson.databind.JsonNode frame;
        try {
            frame = json.readTree(message.getPayload());
        } catch (RuntimeException e) {
            return;
        }
        String id = frame.path("conversationId").asString("");
        boolean owns = !id.isEmpty() && lifecycle.find(id).map(c -> name != null && name.equals(c.agent())).orElse(false);
        if (!owns) {
            return;
        }
        switch (frame.path("type").asString("")) {
            case "typing" -> signals.publishEvent(new ChatSignals.Typing(id, "agent"));
            case "read" -> signals.publishEvent(new ChatSignals.Read(id, "agent", Math.max(0, frame.path("seq").asLong(0))));
            default -> { }
        }
    }

    @EventListener
    void on(ChatSignals.Typing signal) {
        if (signal.sender().equals("customer")) {
            toOwner(signal.conversationId(), Map.of("type", "typing", "conversationId", signal.conversationId()));
        }
    }

    @EventListener
    void on(ChatSignals.Read signal) {
        if (signal.reader().equals("customer")) {
            toOwner(signal.conversationId(), Map.of("type", "read", "conversationId", signal.conversationId(), "seq", signal.seq()));
        }
    }

    private void toOwner(String conversationId, Map<String, Object> frame) {
        String owner = lifecycle.find(conversationId).map(Conversation::agent).orElse(null);
        agents.stream().filter(a -> a.name().equals(owner)).forEach(a -> send(a, frame));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        agents.removeIf(a -> a.socket().getId().equals(session.getId()));
    }

    @EventListener
    void on(ConversationEvents.StatusChanged event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "conversation");
        frame.put("conversation", event.conversation());
        frame.put("from", event.from());
        frame.put("reason", event.reason());
        agents.stream().filter(a -> mayView(a, event.conversation())).forEach(a -> send(a, frame));
    }

    @EventListener
    void on(ConversationEvents.MessageAdded event) {
        ChatEntry e = event.entry();
        String owner = lifecycle.find(e.conversationId()).map(Conversation::agent).orElse(null);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message");
        frame.put("conversationId", e.conversationId());
        frame.put("message", e);
        agents.stream().filter(a -> a.supervisor() || a.name().equals(owner)).forEach(a -> send(a, frame));
    }

    /** Agents hear only of conversations they may open (their own, their team's, waiting ones of their skills). */
    private boolean mayView(Agent a, Conversation conversation) {
        try {
            return workspace.canView(conversation, a.name(), a.supervisor());
        } catch (RuntimeException e) {
            return a.supervisor();
        }
    }

    /** Connected agents (for tests and presence). */
    int connected() {
        return agents.size();
    }

    private void send(Agent a, Map<String, Object> frame) {
        if (!a.socket().isOpen()) {
            return;
        }
        try {
            a.socket().sendMessage(new TextMessage(json.writeValueAsString(frame)));
        } catch (IOException | RuntimeException ignored) {
            // a broken connection is removed when it closes
        }
    }

    private static boolean staff(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> Set.of("ROLE_AGENT", "ROLE_SUPERVISOR", "ROLE_ADMIN")
                .contains(a.getAuthority()));
    }
}
