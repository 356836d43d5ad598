package io.huida.server.workspace;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Ready-made replies agents insert by typing their shortcut ({@code /refund}); supervisors keep the list. */
@Repository
public class CannedReplies {

    private static final Pattern SHORTCUT = Pattern.compile("/[\\p{L}\\p{N}_-]{1,29}");

    /** A canned reply. */
    public record Canned(long id, String shortcut, String title, String text) {
    }

    private final JdbcClient jdbc;

    CannedReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Canned> all() {
        return jdbc.sql("select id, shortcut, title, text from canned_reply order by shortcut")
                .query((rs, n) -> new Canned(rs.getLong("id"), rs.getString("shortcut"), rs.getString("title"), rs.getString("text")))
                .list();
    }

    /** Adds a reply; the shortcut starts with / and is unique. */
    public Canned add(String shortcut, String title, String text, String by) {
        if (shortcut == null || !SHORTCUT.matcher(shortcut).matches()) {
            throw new IllegalArgumentException("shortcut must be / followed by 1 to 29 letters, digits, _ or -, got '" + shortcut + "'");
        }
        if (title == null || title.isBlank() || title.length() > 100) {
            throw new IllegalArgumentException("title must have 1 to 100 characters");
        }
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw new IllegalArgumentException("text must have 1 to 2000 characters");
        }
        try {
            jdbc.sql("insert into canned_reply (shortcut, title, text, created_by, created_at) values (?, ?, ?, ?, ?)")
                    .params(shortcut, title.strip(), text.strip(), by, Timestamp.from(Instant.now())).update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("shortcut '" + shortcut + "' is already used");
        }
        return all().stream().filter(c -> c.shortcut().equals(shortcut)).findFirst().orElseThrow();
    }

    /** Removes a reply; false when there is none with that id. */
    public boolean remove(long id) {
        return jdbc.sql("delete from canned_reply where id = ?").param(id).update() == 1;
    }
}
