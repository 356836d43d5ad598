package io.huida.server.workspace;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Customer satisfaction: one rating (1–5, optional comment) per resolved conversation, kept with its agent. */
@Repository
public class Csat {

    /** A rating. */
    public record Rating(String conversationId, String agent, int score, String comment, Instant at) {
    }

    private final JdbcClient jdbc;

    Csat(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the rating; a conversation is rated once. */
    public Rating rate(String conversationId, String agent, int score, String comment, Instant at) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be 1 to 5, got " + score);
        }
        String c = comment == null || comment.isBlank() ? null : comment.strip();
        if (c != null && c.length() > 500) {
            throw new IllegalArgumentException("comment has " + c.length() + " characters, more than 500");
        }
        try {
            jdbc.sql("insert into csat (conversation_id, agent, score, comment, created_at) values (?, ?, ?, ?, ?)")
                    .params(conversationId, agent, score, c, Timestamp.from(at)).update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("conversation '" + conversationId + "' has already been rated");
        }
        return new Rating(conversationId, agent, score, c, at);
    }

    public Optional<Rating> of(String conversationId) {
        return jdbc.sql("select * from csat where conversation_id = ?").param(conversationId)
                .query((rs, n) -> new Rating(rs.getString("conversation_id"), rs.getString("agent"), rs.getInt("score"),
                        rs.getString("comment"), rs.getTimestamp("created_at").toInstant())).optional();
    }
}
