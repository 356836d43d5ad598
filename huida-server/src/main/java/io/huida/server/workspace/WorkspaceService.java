package io.huida.server.workspace;

import io.huida.engine.dialog.ConversationState;
import io.huida.engine.dialog.WorkOrder;
import io.huida.server.conversation.ChatEntry;
import io.huida.server.conversation.Conversation;
import io.huida.server.conversation.ConversationEvents;
import io.huida.server.conversation.ConversationLifecycle;
import io.huida.server.conversation.ConversationService;
import io.huida.server.conversation.ConversationStatus;
import io.huida.server.conversation.MessageLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What agents do with a conversation: read it (history, the bot's summary, what the customer told the bot), answer,
 * transfer it, resolve it with a wrap-up code; supervisors may take any conversation over. Customers rate resolved
 * conversations.
 */
@Service
public class WorkspaceService {

    /** Wrap-up codes an agent closes a conversation with. */
    public static final Set<String> WRAP_UPS = Set.of("resolved", "follow_up", "ticket_created", "not_resolved", "spam");

    private final ConversationLifecycle lifecycle;
    private final ConversationService conversations;
    private final MessageLog log;
    private final Csat csat;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    private final io.huida.server.identity.AuditLog audit;
    private final io.huida.server.routing.Agents agents;
    private final io.huida.server.routing.TeamTransfers teams;

    WorkspaceService(ConversationLifecycle lifecycle, ConversationService conversations, MessageLog log, Csat csat,
                     TransactionTemplate tx, ApplicationEventPublisher events, io.huida.server.identity.AuditLog audit,
                     io.huida.server.routing.Agents agents, io.huida.server.routing.TeamTransfers teams) {
        this.teams = teams;
        this.audit = audit;
        this.agents = agents;
        this.lifecycle = lifecycle;
        this.conversations = conversations;
        this.log = log;
        this.csat = csat;
        this.tx = tx;
        this.events = events;
    }

    /**
     * A conversation as the agent sees it.
     *
     * @param facts      what the customer told the bot (entity type → value, personal data masked)
     * @param workOrders work orders the bot's flows filed
     * @param rating     the customer's rating, once given
     * @param past       the customer's earlier conversations (known customers only), newest first
     */
    public record View(Conversation conversation, List<ChatEntry> messages, Map<String, String> facts,
                       List<WorkOrder> workOrders, Csat.Rating rating, List<Conversation> past) {
    }

    /**
     * The waiting conversations, VIPs first; an agent sees those needing none of the skills or one of theirs, and those
     * transferred to their team.
     */
    public List<Conversation> queue(String who, boolean supervisor) {
        List<Conversation> all = lifecycle.queue(200);
        var profile = supervisor ? java.util.Optional.<io.huida.server.routing.Agent>empty() : agents.profile(who);
        if (profile.isEmpty()) {
            return all;
        }
        var p = profile.get();
        java.util.Map<String, String> sent = teams.waitingTeams();
        return all.stream().filter(c -> skilled(p.skills(), c.skill())
                || p.team() != null && !p.team().isBlank() && p.team().equals(sent.get(c.id()))).toList();
    }

    /** Whether an agent transferred {@code c} to {@code team} (a blank team: no). */
    private boolean sentTo(String team, Conversation c) {
        return team != null && !team.isBlank() && teams.teamOf(c.id()).map(team::equals).orElse(false);
    }

    /** Every live conversation (waiting, with an agent, waiting for the customer): the supervisor's overview. */
    public List<Conversation> live() {
        return lifecycle.live(500);
    }

    /**
     * Whether {@code who} may open the conversation: supervisors always; agents their own, their team's, and waiting
     * ones they have the skill for.
     */
    public boolean canView(String id, String who, boolean supervisor) {
        return supervisor || canView(find(id), who, false);
    }

    /** {@link #canView(String, String, boolean)} for a conversation already at hand (no lookup of it). */
    public boolean canView(Conversation c, String who, boolean supervisor) {
        if (supervisor) {
            return true;
        }
        if (who.equals(c.agent())) {
            return true;
        }
        var me = agents.profile(who);
        if (me.isEmpty()) {
            return false;
        }
        if (c.status() == ConversationStatus.QUEUED || c.status() == ConversationStatus.PENDING) {
            return skilled(me.get().skills(), c.skill()) || sentTo(me.get().team(), c);
        }
        String team = me.get().team();
        return c.agent() != null && team != null && !team.isBlank()
                && agents.profile(c.agent()).map(o -> team.equals(o.team())).orElse(false);
    }

    private static boolean skilled(List<String> skills, String needed) {
        return needed == null || needed.isBlank()
                || skills.stream().anyMatch(s -> needed.equals(s) || needed.startsWith(s + "/"));
    }

    /** The conversations {@code agent} owns. */
    public List<Conversation> mine(String agent) {
        return lifecycle.ownedBy(agent);
    }

    public View view(String id) {
        Conversation c = find(id);
        ConversationState state = conversations.state(id).orElse(ConversationState.NEW);
        List<Conversation> past = lifecycle.ofCustomer(c.customerId(), 11).stream().filter(p -> !p.id().equals(id)).limit(10).toList();
        return new View(c, log.recent(id, 200), state.facts(), state.workOrders(), csat.of(id).orElse(null), past);
    }

    public ChatEntry send(String id, String agent, String text, String clientId) {
        return conversations.postAgentMessage(id, agent, text, clientId, Instant.now());
    }

    /** Closes the conversation; the customer is asked to rate the service. */
    public Conversation resolve(String id, String agent, String wrapUp, String note, boolean supervisor) {
        Conversation c = find(id);
        if (!supervisor && !agent.equals(c.agent())) {
            throw new AccessDeniedException("agent '" + agent + "' does not own conversation '" + id + "'");
        }
        if (wrapUp == null || !WRAP_UPS.contains(wrapUp)) {
            throw new IllegalArgumentException("wrapUp must be one of " + WRAP_UPS + ", got '" + wrapUp + "'");
        }
        if (note != null && note.length() > 500) {
            throw new IllegalArgumentException("note has " + note.length() + " characters, more than 500");
        }
        if (!lifecycle.resolve(id, agent, wrapUp, note, Instant.now())) {
            throw new IllegalArgumentException("conversation '" + id + "' is " + find(id).status() + " and cannot be resolved");
        }
        system(id, inLanguage(id, "本次服务已结束，请为客服的服务打分（1–5 星）。", "This chat has ended; please rate our service (1–5 stars)."),
                "RATE");
        audit.record(agent, "CONVERSATION_RESOLVED", id, wrapUp + (note == null || note.isBlank() ? "" : ": " + note));
        return find(id);
    }

    /**
     * Passes the conversation with a note to another agent ({@code to}) or to a team ({@code team}: back to the queue
     * for that team's first free agent); exactly one of the two.
     */
    public Conversation transfer(String id, String from, String to, String team, String note, boolean supervisor) {
        Conversation c = find(id);
        String owner = supervisor && c.agent() != null ? c.agent() : from;
        boolean toAgent = to != null && !to.isBlank();
        boolean toTeam = team != null && !team.isBlank();
        if (toAgent == toTeam) {
            throw new IllegalArgumentException("transfer needs either an agent ('to') or a team ('team'), got to='" + to
                    + "', team='" + team + "'");
        }
        if (note != null && note.length() > 500) {
            throw new IllegalArgumentException("note has " + note.length() + " characters, more than 500");
        }
        String target;
        if (toAgent) {
            target = to.strip();
            if (target.equals(owner)) {
                throw new IllegalArgumentException("transfer needs another agent than '" + owner + "', got '" + target + "'");
            }
            if (agents.profile(target).isEmpty()) {
                throw new IllegalArgumentException("there is no agent '" + target + "' to transfer to");
            }
            if (!lifecycle.transfer(id, owner, target, Instant.now())) {
                throw new AccessDeniedException("agent '" + from + "' does not own conversation '" + id + "'");
            }
        } else {
            target = team.strip();
            if (!teams.toTeam(id, owner, target, Instant.now())) {
                throw new AccessDeniedException("agent '" + from + "' does not own conversation '" + id + "'");
            }
        }
        String label = toAgent ? target : inLanguage(id, target + " 组", "team " + target);
        system(id, inLanguage(id, "对话已转接给 " + label, "Transferred to " + label)
                + (note == null || note.isBlank() ? "" : "：" + note.strip()), "TRANSFER");
        audit.record(from, "CONVERSATION_TRANSFERRED", id, owner + " -> " + (toAgent ? target : "team " + target)
                + (note == null || note.isBlank() ? "" : ": " + note));
        return find(id);
    }

    /** A supervisor takes a conversation: from its agent, or straight from the queue. */
    public Conversation takeOver(String id, String supervisor) {
        Conversation c = find(id);
        boolean ok = c.status() == ConversationStatus.ASSIGNED
                ? lifecycle.transfer(id, c.agent(), supervisor, Instant.now())
                : lifecycle.assign(id, supervisor, Instant.now());
        if (!ok) {
            throw new IllegalArgumentException("conversation '" + id + "' is " + c.status() + " and cannot be taken over");
        }
        system(id, inLanguage(id, "主管 " + supervisor + " 已接手对话", "Supervisor " + supervisor + " has joined"), "TAKEOVER");
        audit.record(supervisor, "CONVERSATION_TAKEN_OVER", id, c.agent() == null ? "from the queue" : "from " + c.agent());
        return find(id);
    }

    /** The customer's rating of a resolved conversation. */
    public Csat.Rating rate(String id, int score, String comment) {
        Conversation c = find(id);
        if (c.status() != ConversationStatus.RESOLVED) {
            throw new IllegalArgumentException("conversation '" + id + "' is not resolved yet; it is " + c.status());
        }
        return csat.rate(id, c.agent(), score, comment, Instant.now());
    }

    /** The text in the conversation's language (Chinese unless the customer writes English). */
    private String inLanguage(String id, String zh, String en) {
        String lang = conversations.state(id).map(ConversationState::language).orElse(null);
        return "en".equals(lang) ? en : zh;
    }

    private void system(String id, String text, String kind) {
        ChatEntry e = tx.execute(s -> log.appendSystem(id, text, kind, Instant.now()));
        events.publishEvent(new ConversationEvents.MessageAdded(e, null));
    }

    private Conversation find(String id) {
        return lifecycle.find(id).orElseThrow(() -> new io.huida.server.knowledge.NotFoundException(
                "conversation '" + id + "' does not exist"));
    }
}
