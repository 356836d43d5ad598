package io.huida.server.chat;

import io.huida.engine.bot.BotReply;
import io.huida.server.conversation.ChatEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One WebSocket connection to one conversation. Sends each message at most once per connection (tracked by sequence
 * number), so a message both replayed on resume and pushed live arrives once.
 */
final class ChatPeer {

    private static final Logger logger = LoggerFactory.getLogger(ChatPeer.class);

    private final String conversationId;
    private final WebSocketSession socket;
    private final ObjectMapper json;
    private final Set<Long> sent = new HashSet<>();
    private long floor; // everything up to here was already seen by the client (its lastSeq)
    private volatile io.huida.engine.dialog.Customer customer = io.huida.engine.dialog.Customer.ANONYMOUS;

    ChatPeer(String conversationId, WebSocketSession socket, ObjectMapper json) {
        this.conversationId = conversationId;
        this.socket = socket;
        this.json = json;
    }

    String conversationId() {
        return conversationId;
    }

    private volatile String ip = "unknown";

    String ip() {
        return ip;
    }

    void ip(String address) {
        this.ip = address == null ? "unknown" : address;
    }

    /** Who is writing: anonymous unless the host site signed the customer. */
    io.huida.engine.dialog.Customer customer() {
        return customer;
    }

    void customer(io.huida.engine.dialog.Customer known) {
        this.customer = known;
    }

    /** Registers (inside {@code replay}) and sends the replayed messages, holding live pushes back until done. */
    synchronized void resume(long lastSeq, Supplier<List<ChatEntry>> replay) {
        floor = Math.max(floor, lastSeq);
        for (ChatEntry e : replay.get()) {
            send(e, null);
        }
        send(Map.of("type", "ready", "conversationId", conversationId));
    }

    synchronized void deliver(List<ChatEntry> entries, BotReply reply) {
        for (ChatEntry e : entries) {
            send(e, reply);
        }
    }

    synchronized void send(Map<String, ?> frame) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.sendMessage(new TextMessage(json.writeValueAsString(frame)));
        } catch (IOException | RuntimeException e) {
            logger.debug("could not send to a chat connection of {}: {}", conversationId, e.getMessage());
        }
    }

    private void send(ChatEntry e, BotReply reply) {
        if (e.seq() <= floor || !sent.add(e.seq())) {
            return;
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "message");
        frame.put("seq", e.seq());
        frame.put("sender", e.sender());
        if (e.author() != null) {
            frame.put("author", e.author());
        }
        frame.put("text", e.text());
        if (e.clientId() != null) {
            frame.put("clientId", e.clientId());
        }
        if (e.replyType() != null && e.sender().equals("system")) {
            frame.put("kind", e.replyType()); // JOINED, TRANSFER, RATE …
        }
        frame.put("at", e.at().toString());
        if (e.attachmentId() != null) {
            frame.put("attachmentId", e.attachmentId());
        }
        if (reply != null) {
            frame.put("reply", reply);
        }
        send(frame);
    }
}
