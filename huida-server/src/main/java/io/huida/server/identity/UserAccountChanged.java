package io.huida.server.identity;

/**
 * Published after a user was created, changed or deleted.
 *
 * @param actor    who made the change
 * @param username whose account it is
 * @param detail   what changed, e.g. {@code role AGENT -> SUPERVISOR, password}; never a password
 */
public record UserAccountChanged(String actor, String username, Kind kind, String detail) {

    /** What happened to the account. */
    public enum Kind { CREATED, CHANGED, DELETED }
}
