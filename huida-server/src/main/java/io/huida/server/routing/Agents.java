package io.huida.server.routing;

import io.huida.server.conversation.Conversation;
import io.huida.server.conversation.ConversationLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Agent profiles and statuses; every change asks the {@link Router} for a pass. */
@Service
public class Agents {

    private static final int MAX_NAME = 100;

    private final AgentRepository repository;
    private final AssignmentRepository assignments;
    private final ConversationLifecycle lifecycle;
    private final Router router;
    private final Clock clock;

    Agents(AgentRepository repository, AssignmentRepository assignments, ConversationLifecycle lifecycle, Router router,
           Clock routingClock) {
        this.repository = repository;
        this.assignments = assignments;
        this.lifecycle = lifecycle;
        this.router = router;
        this.clock = routingClock;
    }

    /** An agent's profile (skills, team, status), if the user has one; without the load, so it costs one lookup. */
    public java.util.Optional<Agent> profile(String username) {
        return repository.find(username);
    }

    /** Every agent with the number of conversations it owns now. */
    public List<AgentView> all() {
        Map<String, Integer> loads = lifecycle.loads();
        return repository.all().stream().map(a -> AgentView.of(a, loads.getOrDefault(a.username(), 0))).toList();
    }

    /**
     * Changes an agent's profile, creating it (OFFLINE) for a user who has none.
     *
     * @throws ResponseStatusException 404 when no user has that name
     * @throws IllegalArgumentException naming the bad value
     */
    public AgentView update(String username, UpdateAgentRequest request) {
        if (!repository.userExists(username)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no user '" + username + "'");
        }
        Instant now = clock.instant();
        Agent a = repository.find(username).orElseGet(() -> Agent.newcomer(username, now));
        Agent next = new Agent(username,
                request.displayName() != null ? text("displayName", request.displayName(), false) : a.displayName(),
                request.team() != null ? text("team", request.team(), true) : a.team(),
                request.skills() != null ? skills(request.skills()) : a.skills(),
                request.maxConcurrent() != null ? request.maxConcurrent() : a.maxConcurrent(),
                a.status(), a.statusSince(), request.vipDedicated() != null ? request.vipDedicated() : a.vipDedicated(),
                a.lastAssignedAt());
        repository.save(next, now);
        router.request();
        return AgentView.of(next, lifecycle.ownedBy(username).size());
    }

    /**
     * Sets the caller's own status (creating a profile without skills on first use); going OFFLINE gives back the
     * conversations not accepted yet.
     */
    public AgentView setStatus(String username, AgentStatus status) {
        Instant now = clock.instant();
        Agent a = repository.find(username).orElseGet(() -> Agent.newcomer(username, now));
        Agent next = a.status() == status ? a : new Agent(a.username(), a.displayName(), a.team(), a.skills(),
                a.maxConcurrent(), status, now, a.vipDedicated(), a.lastAssignedAt());
        repository.save(next, now);
        router.request();
        return AgentView.of(next, lifecycle.ownedBy(username).size());
    }

    /** The agent's profile (a default OFFLINE one when there is none yet) and the conversations they own. */
    public AgentDeskView desk(String username) {
        Agent a = repository.find(username).orElseGet(() -> Agent.newcomer(username, clock.instant()));
        List<Conversation> owned = lifecycle.ownedBy(username);
        List<AgentDeskView.OwnedConversation> conversations = new ArrayList<>();
        for (Conversation c : owned) {
            boolean accepted = assignments.find(c.id()).map(x -> x.acceptedAt() != null || !x.agent().equals(username))
                    .orElse(true);
            conversations.add(new AgentDeskView.OwnedConversation(c.id(), c.channel(), c.customerName(), c.vip(), c.skill(),
                    c.handoffReason(), c.summary(), c.queuedAt(), c.assignedAt(), accepted));
        }
        return new AgentDeskView(AgentView.of(a, owned.size()), conversations);
    }

    private static List<String> skills(List<String> skills) {
        if (skills.size() > Agent.MAX_SKILLS) {
            throw new IllegalArgumentException("skills has " + skills.size() + " entries; at most " + Agent.MAX_SKILLS
                    + " are allowed");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String s : skills) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException("skills must not contain a blank entry");
            }
            String t = s.strip();
            if (t.length() > Agent.MAX_SKILL_LENGTH) {
                throw new IllegalArgumentException("skill '" + t + "' is " + t.length() + " characters long; at most "
                        + Agent.MAX_SKILL_LENGTH + " are allowed");
            }
            clean.add(t);
        }
        return List.copyOf(clean);
    }

    private static String text(String field, String value, boolean blankIsNull) {
        String t = value.strip();
        if (t.isEmpty()) {
            if (blankIsNull) {
                return null;
            }
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (t.length() > MAX_NAME) {
            throw new IllegalArgumentException(field + " '" + t + "' is longer than " + MAX_NAME + " characters");
        }
        return t;
    }
}
