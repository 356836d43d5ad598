package io.huida.server.routing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An agent's routing profile.
 *
 * @param username       the {@code app_user} username (the principal's name)
 * @param displayName    shown to customers and supervisors
 * @param team           team name, or null
 * @param skills         what the agent handles (e.g. 信用卡, 宽带); empty = only conversations that need no skill
 * @param maxConcurrent  most conversations owned at once (1..50)
 * @param status         ONLINE, AWAY or OFFLINE
 * @param statusSince    when the status last changed
 * @param vipDedicated   serves only VIP customers (and is preferred for them)
 * @param lastAssignedAt when the router last gave the agent a conversation, or null
 */
public record Agent(String username, String displayName, String team, List<String> skills, int maxConcurrent,
                    AgentStatus status, Instant statusSince, boolean vipDedicated, Instant lastAssignedAt) {

    /** Most skills per agent. */
    public static final int MAX_SKILLS = 20;
    /** Longest skill name. */
    public static final int MAX_SKILL_LENGTH = 50;
    /** Highest {@code maxConcurrent}. */
    public static final int MAX_CONCURRENT = 50;

    public Agent {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(status, "status");
        skills = List.copyOf(skills);
        if (maxConcurrent < 1 || maxConcurrent > MAX_CONCURRENT) {
            throw new IllegalArgumentException("maxConcurrent " + maxConcurrent + " is not between 1 and " + MAX_CONCURRENT);
        }
    }

    /** A new, OFFLINE agent without skills that takes up to 5 conversations. */
    static Agent newcomer(String username, Instant now) {
        return new Agent(username, username, null, List.of(), 5, AgentStatus.OFFLINE, now, false, null);
    }
}
