package io.huida.server.routing;

import io.huida.server.conversation.Conversation;
import io.huida.server.conversation.ConversationEvents;
import io.huida.server.conversation.ConversationLifecycle;
import io.huida.server.conversation.ConversationStatus;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives waiting conversations to agents. Every decision is made on one worker thread, so passes never overlap: a pass
 * runs when the bot hands over, when an agent's status or profile changes, when an agent's conversation is resolved,
 * transferred or requeued, and every {@code huida.routing.tick} for the timers. A pass
 * <ol>
 * <li>requeues assignments not accepted within {@code accept-timeout} (remembering the agent, who is not offered that
 * conversation again for {@code refusal-memory}, as after {@link #decline}) and those of agents who went OFFLINE;</li>
 * <li>counts each ONLINE agent's load from the database, then walks the waiting line ({@link QueueService#waiting()})
 * and gives each conversation to the agent {@link AgentSelection} picks (only the team's agents, never the sender, for one
 * an agent transferred to a team: {@link TeamTransfers}), counting the assignment at once, so a pass never
 * fills an agent beyond {@code maxConcurrent}. The assignment is the lifecycle's compare-and-set: a conversation someone
 * else changed meanwhile is skipped, never assigned twice.</li>
 * </ol>
 * Capacity is guaranteed for one router per database (one server instance routes); the compare-and-set alone guarantees
 * a single owner.
 */
@Component
public class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final ConversationLifecycle lifecycle;
    private final AgentRepository agents;
    private final AssignmentRepository assignments;
    private final TeamRequests teamRequests;
    private final QueueService queue;
    private final RoutingProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile Thread workerThread;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "huida-router");
        t.setDaemon(true);
        workerThread = t;
        return t;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Conversation → agents who let it time out → until when they are left out. Read and written on the worker. */
    private final Map<String, Map<String, Instant>> refusals = new ConcurrentHashMap<>();

    Router(ConversationLifecycle lifecycle, AgentRepository agents, AssignmentRepository assignments, TeamRequests teamRequests,
           QueueService queue, RoutingProperties properties, Clock routingClock, ApplicationEventPublisher events) {
        this.teamRequests = teamRequests;
        this.lifecycle = lifecycle;
        this.agents = agents;
        this.assignments = assignments;
        this.queue = queue;
        this.properties = properties;
        this.clock = routingClock;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long tick = properties.tick().toMillis();
        worker.scheduleWithFixedDelay(this::safePass, tick, tick, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Asks for a pass soon; requests made while one is waiting to start are served by that one. */
    public void request() {
        if (requested.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    requested.set(false);
                    safePass();
                });
            } catch (RejectedExecutionException e) {
                requested.set(false);
            }
        }
    }

    /** The agent accepts a conversation routed to them: its timeout stops. False when they do not own it. */
    public boolean accept(String conversationId, String agent) {
        return onWorker(() -> {
            Optional<Conversation> c = lifecycle.find(conversationId);
            if (c.isEmpty() || c.get().status() != ConversationStatus.ASSIGNED || !agent.equals(c.get().agent())) {
                return false;
            }
            assignments.accept(conversationId, agent, clock.instant());
            return true;
        });
    }

    /**
     * The agent declines a conversation routed to them and not accepted yet: it goes back to the queue (keeping its place)
     * and to another agent, as after a timeout. False when they do not own it or accepted it already.
     */
    public boolean decline(String conversationId, String agent) {
        return onWorker(() -> {
            Instant now = clock.instant();
            boolean open = assignments.find(conversationId).filter(a -> a.agent().equals(agent) && a.acceptedAt() == null)
                    .isPresent();
            if (!open || !lifecycle.find(conversationId).map(c -> c.status() == ConversationStatus.ASSIGNED
                    && agent.equals(c.agent())).orElse(false)) {
                return false;
            }
            requeue(conversationId, agent, "declined", true, now);
            request();
            return true;
        });
    }

    /**
     * The customer leaves a message instead of waiting (e.g. no agent is online): the conversation becomes PENDING and is
     * routed when an agent is free, after the queued conversations of the same priority. False when it is not waiting
     * for an agent or the bot.
     */
    public boolean leaveMessage(String conversationId) {
        return onWorker(() -> {
            Optional<Conversation> c = lifecycle.find(conversationId);
            return c.isPresent() && (c.get().status() == ConversationStatus.QUEUED || c.get().status() == ConversationStatus.BOT)
                    && lifecycle.pending(conversationId, "message left", clock.instant());
        });
    }

    /** Runs a pass now and waits for it (after any pass already waiting). */
    void settle() {
        onWorker(() -> {
            safePass();
            return null;
        });
    }

    /**
     * Keeps the worker busy until {@code release} opens, returning once no pass is running (tests: lets many requests pile
     * up before one pass).
     */
    void holdUntil(CountDownLatch release) {
        CountDownLatch holding = new CountDownLatch(1);
        worker.execute(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            holding.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConversationEvents.HandoffRequested e) {
        request();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConversationEvents.StatusChanged e) {
        if (e.to() == ConversationStatus.RESOLVED) {
            teamRequests.delete(e.conversation().id());
        }
        if (e.from() == ConversationStatus.ASSIGNED) {
            if (e.to() != ConversationStatus.ASSIGNED || !assignments.find(e.conversation().id())
                    .map(a -> a.agent().equals(e.agent())).orElse(true)) {
                assignments.delete(e.conversation().id());
            }
            request();
        }
    }

    private void safePass() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("routing pass failed; the next one retries", e);
        }
    }

    private void pass() {
        Instant now = clock.instant();
        List<Agent> all = agents.all();
        Map<String, Agent> byName = new HashMap<>();
        all.forEach(a -> byName.put(a.username(), a));
        requeueUnaccepted(byName, now);
        refusals.values().forEach(m -> m.values().removeIf(until -> !until.isAfter(now)));
        refusals.values().removeIf(Map::isEmpty);

        Map<String, Integer> loads = lifecycle.loads();
        Map<String, AgentSelection.Slot> online = new LinkedHashMap<>();
        all.stream().filter(a -> a.status() == AgentStatus.ONLINE)
                .forEach(a -> online.put(a.username(), AgentSelection.Slot.of(a, loads.getOrDefault(a.username(), 0))));
        if (online.values().stream().noneMatch(AgentSelection.Slot::free)) {
            return;
        }
        Map<String, TeamRequests.TeamRequest> teams = teamRequests.all();
        for (Conversation c : queue.waiting()) {
            Set<String> refused = refusals.getOrDefault(c.id(), Map.of()).keySet();
            TeamRequests.TeamRequest team = teams.get(c.id());
            if (team != null) {
                refused = new java.util.HashSet<>(refused);
                refused.add(team.requestedBy());
            }
            Optional<AgentSelection.Slot> chosen = AgentSelection.choose(c, online.values(), refused, now,
                    properties.skillWait(), team == null ? null : team.team());
            if (chosen.isEmpty() || !lifecycle.assign(c.id(), chosen.get().username(), now)) {
                continue;
            }
            String agent = chosen.get().username();
            if (team != null) {
                teamRequests.delete(c.id());
            }
            assignments.assigned(c.id(), agent, now);
            agents.assigned(agent, now);
            online.put(agent, chosen.get().withOneMore(now));
            events.publishEvent(new RoutingEvents.ConversationRouted(c.id(), agent, c.vip(), now));
            if (online.values().stream().noneMatch(AgentSelection.Slot::free)) {
                return;
            }
        }
    }

    /** Requeues assignments not accepted in time (the agent is then left out for a while) and those of OFFLINE agents. */
    private void requeueUnaccepted(Map<String, Agent> byName, Instant now) {
        for (AssignmentRepository.Assignment a : assignments.unaccepted()) {
            Optional<Conversation> c = lifecycle.find(a.conversationId())
                    .filter(x -> x.status() == ConversationStatus.ASSIGNED && a.agent().equals(x.agent()));
            if (c.isEmpty()) {
                assignments.delete(a.conversationId());
                continue;
            }
            Agent agent = byName.get(a.agent());
            boolean offline = agent == null || agent.status() == AgentStatus.OFFLINE;
            boolean expired = !a.assignedAt().plus(properties.acceptTimeout()).isAfter(now);
            if (!offline && !expired) {
                continue;
            }
            requeue(a.conversationId(), a.agent(), offline ? "agent offline" : "accept timeout", expired, now);
        }
    }

    /** Puts an assignment back in the queue; a refusal leaves the agent out of that conversation for a while. */
    private void requeue(String conversationId, String agent, String reason, boolean refused, Instant now) {
        if (lifecycle.requeue(conversationId, reason, now)) {
            if (refused) {
                refusals.computeIfAbsent(conversationId, k -> new ConcurrentHashMap<>())
                        .put(agent, now.plus(properties.refusalMemory()));
            }
            events.publishEvent(new RoutingEvents.AssignmentRequeued(conversationId, agent, reason, now));
        }
        assignments.delete(conversationId);
    }

    /** Runs {@code task} on the worker and waits for it (directly when called there, e.g. by an event listener). */
    private <T> T onWorker(Callable<T> task) {
        try {
            if (Thread.currentThread() == workerThread) {
                return task.call();
            }
            return worker.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the router", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
