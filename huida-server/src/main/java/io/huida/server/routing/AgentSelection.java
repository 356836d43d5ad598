package io.huida.server.routing;

import io.huida.server.conversation.Conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rule that picks the agent for one waiting conversation, among the ONLINE agents:
 * <ol>
 * <li>agents who refused it or let it time out recently are left out, and VIP-dedicated agents serve only VIPs;</li>
 * <li>of the rest, for a conversation an agent transferred to a team, that team's agents only; otherwise those with the
 * conversation's skill (a conversation without a skill: everyone); when none of them
 * has the skill and the conversation has waited {@code skillWait}, everyone (skilled agents who are merely full are
 * waited for);</li>
 * <li>of those, the ones below their {@code maxConcurrent}: for a VIP VIP-dedicated agents first, then the lowest load,
 * then the longest idle (earliest last assignment, never assigned first), then the username.</li>
 * </ol>
 */
final class AgentSelection {

    /** An online agent during one routing pass: its load counts the assignments made so far in the pass. */
    record Slot(String username, Set<String> skills, int maxConcurrent, int load, boolean vipDedicated, Instant lastAssignedAt,
                String team) {

        Slot {
            skills = skills.stream().map(AgentSelection::fold).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }

        Slot(String username, Set<String> skills, int maxConcurrent, int load, boolean vipDedicated, Instant lastAssignedAt) {
            this(username, skills, maxConcurrent, load, vipDedicated, lastAssignedAt, null);
        }

        static Slot of(Agent a, int load) {
            return new Slot(a.username(), Set.copyOf(a.skills()), a.maxConcurrent(), load, a.vipDedicated(), a.lastAssignedAt(),
                    a.team());
        }

        boolean free() {
            return load < maxConcurrent;
        }

        /** Whether the agent has {@code skill}, or a skill it is part of (信用卡 covers 信用卡/额度). */
        boolean has(String skill) {
            String s = fold(skill);
            return skills.contains(s) || skills.stream().anyMatch(k -> s.startsWith(k + "/"));
        }

        Slot withOneMore(Instant now) {
            return new Slot(username, skills, maxConcurrent, load + 1, vipDedicated, now, team);
        }
    }

    private AgentSelection() {
    }

    /**
     * The agent to give {@code c} to, or empty when it must wait.
     *
     * @param excluded  agents who refused it or let it time out
     * @param skillWait how long a conversation waits for an agent with its skill before anyone may take it
     */
    static Optional<Slot> choose(Conversation c, Collection<Slot> online, Set<String> excluded, Instant now, Duration skillWait) {
        return choose(c, online, excluded, now, skillWait, null);
    }

    /**
     * {@link #choose(Conversation, Collection, Set, Instant, Duration)} for a conversation transferred to {@code team}:
     * only that team's agents may take it, whatever their skills (null: no team asked for).
     */
    static Optional<Slot> choose(Conversation c, Collection<Slot> online, Set<String> excluded, Instant now, Duration skillWait,
                                 String team) {
        List<Slot> eligible = online.stream().filter(s -> !excluded.contains(s.username()) && (c.vip() || !s.vipDedicated()))
                .toList();
        List<Slot> pool = eligible;
        if (team != null) {
            pool = eligible.stream().filter(s -> team.equals(s.team())).toList();
        } else if (c.skill() != null && !c.skill().isBlank()) {
            List<Slot> skilled = eligible.stream().filter(s -> s.has(c.skill())).toList();
            pool = skilled.isEmpty() && waited(c, now).compareTo(skillWait) >= 0 ? eligible : skilled;
        }
        Comparator<Slot> order = Comparator.comparing((Slot s) -> !(c.vip() && s.vipDedicated()))
                .thenComparingInt(Slot::load)
                .thenComparing(Slot::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Slot::username);
        return pool.stream().filter(Slot::free).min(order);
    }

    /** Whether two waiting conversations compete for the same agents (either needs no skill, or both need the same). */
    static boolean compatible(Conversation a, Conversation b) {
        return blank(a.skill()) || blank(b.skill()) || fold(a.skill()).equals(fold(b.skill()));
    }

    /** How long {@code c} has waited: since it was queued (or created, for a message left to the bot). */
    static Duration waited(Conversation c, Instant now) {
        Instant since = c.queuedAt() != null ? c.queuedAt() : c.createdAt();
        return since == null ? Duration.ZERO : Duration.between(since, now);
    }

    static String fold(String skill) {
        return skill.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
