package io.huida.server.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code app_user} table. */
@Repository
class UserRepository {

    private static final String COLUMNS = "username, display_name, role, enabled, team, created_at, updated_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserView> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = ?").param(username)
                .query(UserRepository::view).optional();
    }

    /** Users in username order, optionally only of one role and/or team. */
    List<UserView> list(Role role, String team) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (role != null) {
            where.append(" and role = ?");
            params.add(role.name());
        }
        if (team != null) {
            where.append(" and team = ?");
            params.add(team);
        }
        return jdbc.sql("select " + COLUMNS + " from app_user" + where + " order by username").params(params)
                .query(UserRepository::view).list();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("select password_hash from app_user where username = ?").param(username)
                .query(String.class).optional();
    }

    /** Locks the enabled admins' rows until the transaction ends and returns their names. */
    List<String> lockEnabledAdmins() {
        return jdbc.sql("select username from app_user where role = 'ADMIN' and enabled = true order by username for update")
                .query(String.class).list();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    boolean any() {
        return jdbc.sql("select count(*) from app_user").query(Integer.class).single() > 0;
    }

    void insert(String username, String displayName, Role role, String team, String passwordHash) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into app_user (username, password_hash, role, created_at, display_name, enabled, team, updated_at)"
                        + " values (?, ?, ?, ?, ?, true, ?, ?)")
                .params(username, passwordHash, role.name(), now, displayName, team, now).update();
    }

    void update(UserView user, String passwordHash) {
        jdbc.sql("update app_user set display_name = ?, role = ?, enabled = ?, team = ?, updated_at = ?,"
                        + " password_hash = coalesce(?, password_hash) where username = ?")
                .params(user.displayName(), user.role().name(), user.enabled(), user.team(),
                        Timestamp.from(Instant.now()), passwordHash, user.username())
                .update();
    }

    boolean delete(String username) {
        return jdbc.sql("delete from app_user where username = ?").param(username).update() > 0;
    }

    private static UserView view(ResultSet rs, int row) throws SQLException {
        return new UserView(rs.getString("username"), rs.getString("display_name"), Role.parse(rs.getString("role")),
                rs.getBoolean("enabled"), rs.getString("team"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
