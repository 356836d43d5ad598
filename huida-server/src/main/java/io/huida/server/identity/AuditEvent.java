package io.huida.server.identity;

import java.time.Instant;

/** One entry of the audit log: who ({@code actor}) did what ({@code action}) to what ({@code target}), from where. */
public record AuditEvent(long id, Instant at, String actor, String action, String target, String detail, String ip) {
}
