package io.huida.server.conversation;

import io.huida.engine.bot.BotReply;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The messages of conversations, numbered per conversation and stored with personal data masked. A message that
 * carries a client id is stored once however often it is resent.
 */
@Repository
public class MessageLog {

    private final JdbcClient jdbc;
    private final DialogConfig.Masker masker;

    MessageLog(JdbcClient jdbc, DialogConfig.Masker masker) {
        this.jdbc = jdbc;
        this.masker = masker;
    }

    /**
     * Stores a message (text masked here) under the next sequence number, or returns the stored one when a message
     * with the same client id is already there. Call inside the caller's transaction: the conversation's row is
     * locked meanwhile, so writers of one conversation (customer, bot, agents, other instances) number in turn.
     *
     * @param reply the bot's reply for bot messages, else null
     */
    public ChatEntry append(String conversationId, String sender, String author, String text, String clientId,
                            BotReply reply, Instant at) {
        return append(conversationId, sender, author, text, clientId, reply, at, null);
    }

    /** Stores a message that carries a file or image ({@code attachmentId}); otherwise like the other append. */
    public ChatEntry append(String conversationId, String sender, String author, String text, String clientId,
                            BotReply reply, Instant at, String attachmentId) {
        return insert(conversationId, sender, author, text, clientId, reply == null ? null : reply.type().name(),
                reply == null || reply.intent().name() == null ? null : clip(reply.intent().name(), 200),
                reply == null ? null : reply.faqId(), reply == null ? null : reply.flowId(), at, attachmentId);
    }

    /**
     * A system line (an agent joined, a transfer, the request to rate the service), stored like any message.
     *
     * @param kind what it is for clients ({@code JOINED}, {@code TRANSFER}, {@code RATE} …), stored as its reply type
     */
    public ChatEntry appendSystem(String conversationId, String text, String kind, Instant at) {
        return insert(conversationId, "system", null, text, null, kind, null, null, null, at, null);
    }

    /** Numbers and stores one message; the conversation's row stays locked until the caller's transaction ends. */
    private ChatEntry insert(String conversationId, String sender, String author, String text, String clientId,
                             String replyType, String intent, String faqId, String flowId, Instant at, String attachmentId) {
        Optional<Long> last = jdbc.sql("select last_seq from conversation where id = ? for update").param(conversationId)
                .query(Long.class).optional();
        if (clientId != null) {
            Optional<ChatEntry> stored = byClientId(conversationId, clientId);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        long seq;
        if (last.isPresent()) { // the counter on the locked conversation row: no look at the earlier messages
            seq = last.get() + 1;
            jdbc.sql("update conversation set last_seq = ? where id = ?").params(seq, conversationId).update();
        } else { // a message without a conversation row (none is opened for it)
            seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from conversation_message where session_id = ?")
                    .param(conversationId).query(Long.class).single();
        }
        ChatEntry e = new ChatEntry(conversationId, seq, sender, author, masker.apply(text), clientId, replyType, intent,
                faqId, flowId, at, attachmentId);
        jdbc.sql("insert into conversation_message (session_id, seq, sender, author, text, client_id, reply_type,"
                        + " intent, faq_id, flow_id, created_at, attachment_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.conversationId(), e.seq(), e.sender(), e.author(), e.text(), e.clientId(), e.replyType(),
                        e.intent(), e.faqId(), e.flowId(), Timestamp.from(at), attachmentId)
                .update();
        return e;
    }

    /** The message the sender sent with {@code clientId}, if it was stored. */
    public Optional<ChatEntry> byClientId(String conversationId, String clientId) {
        return jdbc.sql("select * from conversation_message where session_id = ? and client_id = ?")
                .params(conversationId, clientId).query(MessageLog::row).optional();
    }

    /** The messages after {@code afterSeq}, in order, at most {@code limit}. */
    public List<ChatEntry> since(String conversationId, long afterSeq, int limit) {
        return jdbc.sql("select * from conversation_message where session_id = ? and seq > ? order by seq fetch first ? rows only")
                .params(conversationId, afterSeq, limit).query(MessageLog::row).list();
    }

    /** The last {@code limit} messages, oldest first. */
    public List<ChatEntry> recent(String conversationId, int limit) {
        List<ChatEntry> newest = jdbc.sql("select * from conversation_message where session_id = ? order by seq desc"
                        + " fetch first ? rows only").params(conversationId, limit).query(MessageLog::row).list();
        List<ChatEntry> out = new ArrayList<>(newest);
        Collections.reverse(out);
        return out;
    }

    private static ChatEntry row(ResultSet rs, int n) throws SQLException {
        return new ChatEntry(rs.getString("session_id"), rs.getLong("seq"), rs.getString("sender"), rs.getString("author"),
                rs.getString("text"), rs.getString("client_id"), rs.getString("reply_type"), rs.getString("intent"),
                rs.getString("faq_id"), rs.getString("flow_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("attachment_id"));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
