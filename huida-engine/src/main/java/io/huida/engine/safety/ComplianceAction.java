package io.huida.engine.safety;

/** What the compliance check decided for an outgoing text; a stronger action wins (BLOCK over REWRITE over ALLOW). */
public enum ComplianceAction {
    /** The text may be sent as it is. */
    ALLOW,
    /** The text may be sent after the offending phrases were replaced. */
    REWRITE,
    /** The text must not be sent. */
    BLOCK
}
