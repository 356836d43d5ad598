package io.huida.server.identity;

/**
 * Published after a user was created, changed or deleted.
 *
 * @param actor    who made the change
 * @param username whose account it is
 * @param detail   what changed, e.g. {@code role AGENT -> SUPERVISOR, password}; never a password
 * @param access   whether what the user may do changed: deleted, disabled, another role or a new password (their
 *                 sign-in sessions and remembered credentials are then dropped)
 */
public record UserAccountChanged(String actor, String username, Kind kind, String detail, boolean access) {

    /** What happened to the account. */
    public enum Kind { CREATED, CHANGED, DELETED }
}
