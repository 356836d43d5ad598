package io.huida.server.identity;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** What usernames, passwords, display names and team names must look like; messages name the rule broken. */
final class UserRules {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._-]{3,64}");

    private UserRules() {
    }

    static String username(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "username must be 3 to 64 characters: letters, digits, '.', '_' or '-'");
        }
        return username;
    }

    static String password(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password must have at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new IllegalArgumentException("password must not be the username");
        }
        return password;
    }

    static String displayName(String displayName, String fallback) {
        String name = displayName == null || displayName.isBlank() ? fallback : displayName.strip();
        return text("displayName", name, 100);
    }

    /** A team name, or null for none (blank). */
    static String team(String team) {
        return team == null || team.isBlank() ? null : text("team", team.strip(), 64);
    }

    private static String text(String field, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " has " + value.length() + " characters, more than " + max);
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return value;
    }
}
