package io.huida.server.conversation;

import io.huida.engine.bot.BotReply;
import io.huida.engine.dialog.ConversationState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversation states (JSON) and transcripts (personal data masked) in the database. */
@Repository
class ConversationRepository {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A stored state with its owner and revision (for optimistic updates). */
    record Stored(String owner, ConversationState state, long revision) {
    }

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(String sessionId) {
        return jdbc.sql("select owner, state, revision from conversation_state where session_id = ?").param(sessionId)
                .query((rs, n) -> new Stored(rs.getString("owner"), JSON.readValue(rs.getString("state"), ConversationState.class),
                        rs.getLong("revision"))).optional();
    }

    /** Saves the state; false when another writer got there first (the revision moved on). */
    boolean save(String sessionId, String owner, ConversationState state, long revision, Instant now) {
        String json = JSON.writeValueAsString(state);
        Timestamp at = Timestamp.from(now);
        if (revision == 0) {
            try {
                jdbc.sql("insert into conversation_state (session_id, owner, state, revision, created_at, updated_at)"
                        + " values (?, ?, ?, 1, ?, ?)").params(sessionId, owner, json, at, at).update();
                return true;
            } catch (org.springframework.dao.DuplicateKeyException e) {
                return false;
            }
        }
        return jdbc.sql("update conversation_state set state = ?, revision = revision + 1, updated_at = ?"
                        + " where session_id = ? and revision = ?").params(json, at, sessionId, revision).update() == 1;
    }
}
