package io.huida.server.identity;

import io.huida.server.system.HuidaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/**
 * Signs users in from {@code app_user} (bcrypt hashes; disabled users cannot sign in). Creates {@code admin} on first
 * start, when there are no users yet, with {@code HUIDA_ADMIN_PASSWORD}, or with a generated password printed once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UserAccounts implements UserDetailsService, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final HuidaProperties properties;

    UserAccounts(JdbcClient jdbc, UserRepository users, PasswordEncoder encoder, HuidaProperties properties) {
        this.jdbc = jdbc;
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, role, enabled from app_user where username = ?").param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2)).roles(rs.getString(3))
                        .disabled(!rs.getBoolean(4)).build())
                .optional().orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.any()) {
            return;
        }
        String password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            password = generate();
        }
        users.insert("admin", "Administrator", Role.ADMIN, null, encoder.encode(password));
        if (generated) {
            log.warn("\n\n    Huida admin account created.  user: admin   password: {}\n"
                    + "    (shown only once; set HUIDA_ADMIN_PASSWORD to choose your own)\n", password);
        }
    }

    private static String generate() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
