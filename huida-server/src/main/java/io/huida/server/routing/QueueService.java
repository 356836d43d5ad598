package io.huida.server.routing;

import io.huida.server.conversation.Conversation;
import io.huida.server.conversation.ConversationEvents;
import io.huida.server.conversation.ConversationLifecycle;
import io.huida.server.conversation.ConversationStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The waiting line: the order conversations are served in, and a customer's place and expected wait in it.
 * <p>
 * Order: VIPs first; within the same priority queued conversations before messages left while no agent was online
 * (PENDING); then by arrival (queued time, else creation time).
 */
@Service
public class QueueService {

    /** Most waiting conversations one routing pass looks at. */
    static final int PASS_SIZE = 1000;
    private static final int HANDLING_SAMPLES = 50;
    private static final Comparator<Conversation> ORDER = Comparator.comparing((Conversation c) -> !c.vip())
            .thenComparing(c -> c.status() != ConversationStatus.QUEUED)
            .thenComparing(c -> c.queuedAt() != null ? c.queuedAt() : c.createdAt())
            .thenComparing(Conversation::id);

    private final ConversationLifecycle lifecycle;
    private final AgentRepository agents;
    private final RoutingProperties properties;
    private final Deque<Duration> handlingTimes = new ArrayDeque<>();

    QueueService(ConversationLifecycle lifecycle, AgentRepository agents, RoutingProperties properties) {
        this.lifecycle = lifecycle;
        this.agents = agents;
        this.properties = properties;
    }

    /** The waiting conversations (QUEUED, and PENDING without an agent) in the order they are served. */
    public List<Conversation> waiting() {
        List<Conversation> all = new ArrayList<>(lifecycle.queue(PASS_SIZE));
        all.addAll(lifecycle.leftMessages(PASS_SIZE));
        all.sort(ORDER);
        return all.size() > PASS_SIZE ? List.copyOf(all.subList(0, PASS_SIZE)) : all;
    }

    /**
     * Where the conversation stands: its position among the waiting conversations that compete for the same agents,
     * the estimated wait and whether any agent is online.
     *
     * @throws IllegalArgumentException when the conversation does not exist
     */
    public QueueInfo position(String conversationId) {
        Conversation c = lifecycle.find(conversationId).orElseThrow(() -> new IllegalArgumentException(
                "conversation '" + conversationId + "' does not exist"));
        List<Agent> online = agents.all().stream().filter(a -> a.status() == AgentStatus.ONLINE).toList();
        if (!isWaiting(c)) {
            return new QueueInfo(c.id(), c.status(), 0, null, !online.isEmpty());
        }
        int position = 1;
        for (Conversation other : waiting()) {
            if (other.id().equals(c.id())) {
                break;
            }
            if (AgentSelection.compatible(other, c)) {
                position++;
            }
        }
        List<Agent> eligible = online.stream().filter(a -> c.vip() || !a.vipDedicated()).toList();
        List<Agent> skilled = c.skill() == null || c.skill().isBlank() ? eligible
                : eligible.stream().filter(a -> AgentSelection.Slot.of(a, 0).has(c.skill())).toList();
        int capacity = (skilled.isEmpty() ? eligible : skilled).stream().mapToInt(Agent::maxConcurrent).sum();
        Duration wait = capacity == 0 ? null : averageHandlingTime().multipliedBy(position).dividedBy(capacity);
        return new QueueInfo(c.id(), c.status(), position, wait, !online.isEmpty());
    }

    /** The mean of the last 50 handling times (assignment to resolution), or the configured default before any. */
    public Duration averageHandlingTime() {
        synchronized (handlingTimes) {
            if (handlingTimes.isEmpty()) {
                return properties.defaultHandlingTime();
            }
            return handlingTimes.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(handlingTimes.size());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConversationEvents.StatusChanged e) {
        Conversation c = e.conversation();
        if (e.from() == ConversationStatus.ASSIGNED && e.to() == ConversationStatus.RESOLVED && c.assignedAt() != null) {
            synchronized (handlingTimes) {
                handlingTimes.addLast(Duration.between(c.assignedAt(), e.at()));
                while (handlingTimes.size() > HANDLING_SAMPLES) {
                    handlingTimes.removeFirst();
                }
            }
        }
    }

    static boolean isWaiting(Conversation c) {
        return c.status() == ConversationStatus.QUEUED || c.status() == ConversationStatus.PENDING && c.agent() == null;
    }
}
