package io.huida.server.identity;

/**
 * Published after an API key was created or revoked.
 *
 * @param prefix the key's first characters, which identify it (never the whole key)
 */
public record ApiKeyChanged(String actor, long id, String name, String prefix, String role, Kind kind) {

    /** What happened to the key. */
    public enum Kind { CREATED, REVOKED }
}
