package io.huida.server.identity;

import io.huida.engine.safety.PiiMasker;
import io.huida.server.system.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The audit log ({@code audit_event}): sign-ins, user and API-key changes, and whatever other features record
 * (transfers, takeovers). Personal data in the detail (phone, ID card, bank card, e-mail) is masked with
 * {@link PiiMasker}; the caller's IP address is taken from the current request, if any.
 */
@Service
public class AuditLog {

    /** Most entries returned by one page of {@link #search}. */
    public static final int MAX_PAGE_SIZE = 200;
    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");
    private static final PiiMasker MASKER = new PiiMasker();

    private final JdbcClient jdbc;
    private final ClientAddress addresses;

    AuditLog(JdbcClient jdbc, ClientAddress addresses) {
        this.jdbc = jdbc;
        this.addresses = addresses;
    }

    /**
     * Records that {@code actor} did {@code action} (upper case, e.g. {@code TRANSFER}) to {@code target}.
     *
     * @param target what was acted on (a username, a conversation), or null
     * @param detail free text, masked before it is stored and cut at 1,000 characters; never pass secrets
     */
    public void record(String actor, String action, String target, String detail) {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action must be 1 to 50 upper-case letters, digits or '_', was '" + action + "'");
        }
        jdbc.sql("insert into audit_event (at, actor, action, target, detail, ip) values (?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(Instant.now()), cut(actor == null || actor.isBlank() ? "-" : actor, 200), action,
                        target == null ? null : cut(MASKER.mask(target), 200),
                        detail == null ? null : cut(MASKER.mask(detail), 1000), currentIp())
                .update();
    }

    /** A page of the log, newest first. */
    public record Page(List<AuditEvent> items, int page, int size, long total) {
    }

    /**
     * Entries matching every given filter (null = any), newest first.
     *
     * @param from inclusive, or null
     * @param to   exclusive, or null
     */
    public Page search(String actor, String action, Instant from, Instant to, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be at least 0 and size 1 to " + MAX_PAGE_SIZE
                    + ", were " + page + " and " + size);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        filter(where, params, "actor = ?", blankToNull(actor));
        filter(where, params, "action = ?", blankToNull(action));
        filter(where, params, "at >= ?", from == null ? null : Timestamp.from(from));
        filter(where, params, "at < ?", to == null ? null : Timestamp.from(to));
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<AuditEvent> items = jdbc.sql("select id, at, actor, action, target, detail, ip from audit_event" + where
                        + " order by at desc, id desc limit ? offset ?").params(paged)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("ip")))
                .list();
        return new Page(items, page, size, total);
    }

    private static void filter(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.add(value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String currentIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return addresses.of(request);
        }
        return null;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
