package io.huida.server.chat;

import io.huida.server.conversation.ChatEntry;
import io.huida.server.conversation.ConversationEvents;
import io.huida.server.conversation.MessageLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is connected to which conversation, and delivery to them: every stored message goes to every connection of its
 * conversation exactly once per connection; a connection that resumes after {@code lastSeq} first gets what it
 * missed, in order, from the message log.
 */
@Component
public class ChatHub {

    private static final int REPLAY_LIMIT = 500;

    private final MessageLog log;
    private final ConcurrentHashMap<String, Set<ChatPeer>> peers = new ConcurrentHashMap<>();

    ChatHub(MessageLog log) {
        this.log = log;
    }

    /** Connects {@code peer} and sends it everything after {@code lastSeq}; later messages follow as they are stored. */
    void join(ChatPeer peer, long lastSeq) {
        peer.resume(lastSeq, () -> {
            peers.computeIfAbsent(peer.conversationId(), k -> ConcurrentHashMap.newKeySet()).add(peer);
            return log.since(peer.conversationId(), lastSeq, REPLAY_LIMIT);
        });
    }

    void leave(ChatPeer peer) {
        peers.computeIfPresent(peer.conversationId(), (k, set) -> {
            set.remove(peer);
            return set.isEmpty() ? null : set;
        });
    }

    /** Connections of a conversation (for tests and presence). */
    public int connections(String conversationId) {
        Set<ChatPeer> set = peers.get(conversationId);
        return set == null ? 0 : set.size();
    }

    @EventListener
    void on(ConversationEvents.MessageAdded event) {
        ChatEntry e = event.entry();
        for (ChatPeer p : peers.getOrDefault(e.conversationId(), Set.of())) {
            p.deliver(List.of(e), event.reply());
        }
    }
}
