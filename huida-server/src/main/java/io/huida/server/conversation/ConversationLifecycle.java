package io.huida.server.conversation;

import io.huida.engine.dialog.Customer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Moves conversations through their states — BOT → QUEUED → ASSIGNED → RESOLVED, plus PENDING — with one owner at
 * a time. Every change is a compare-and-set on the stored revision, so two routers or agents can never both win the
 * same conversation; every change publishes {@link ConversationEvents.StatusChanged} (and a handoff
 * {@link ConversationEvents.HandoffRequested}) for routing, notifications and analytics.
 */
@Service
public class ConversationLifecycle {

    private static final int ATTEMPTS = 5;

    private final LifecycleRepository repository;
    private final ApplicationEventPublisher events;

    ConversationLifecycle(LifecycleRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /** The conversation, if it exists. */
    public Optional<Conversation> find(String id) {
        return repository.find(id);
    }

    /** The conversation, created with the bot as owner at its first message; customer details refreshed when given. */
    public Conversation open(String id, String channel, Customer customer, Instant now) {
        Optional<Conversation> existing = repository.find(id);
        if (existing.isEmpty()) {
            Conversation c = new Conversation(id, ConversationStatus.BOT, channel == null ? "api" : channel, customer.id(),
                    customer.name(), customer.segment(), customer.vip(), null, null, null, null, null, null, null, now, now, 1);
            if (repository.insert(c)) {
                return c;
            }
        }
        Conversation c = repository.find(id).orElseThrow();
        boolean changed = customer.id() != null && !customer.id().equals(c.customerId())
                || customer.name() != null && !customer.name().equals(c.customerName())
                || customer.segment() != null && !customer.segment().equals(c.segment()) || customer.vip() && !c.vip();
        if (!changed) {
            return c;
        }
        return change(id, Set.of(ConversationStatus.values()), null, "customer", now, x -> with(x, x.status(), x.agent(),
                customer.id() != null ? customer.id() : x.customerId(), customer.name() != null ? customer.name() : x.customerName(),
                customer.segment() != null ? customer.segment() : x.segment(), x.vip() || customer.vip())).orElse(c);
    }

    /**
     * The bot hands the conversation over: it joins the queue (VIPs ahead), unless an agent already has it or it is
     * already waiting.
     *
     * @return the conversation after the request
     */
    public Conversation handoff(String id, String reason, String skill, String summary, Instant now) {
        Optional<Conversation> queued = change(id, Set.of(ConversationStatus.BOT, ConversationStatus.PENDING,
                ConversationStatus.RESOLVED), ConversationStatus.QUEUED, reason, now, c -> new Conversation(c.id(),
                ConversationStatus.QUEUED, c.channel(), c.customerId(), c.customerName(), c.segment(), c.vip(), skill, reason,
                summary, null, now, null, null, c.createdAt(), now, c.revision() + 1));
        queued.ifPresent(c -> events.publishEvent(new ConversationEvents.HandoffRequested(c, now)));
        return queued.orElseGet(() -> repository.find(id).orElseThrow(() -> new IllegalArgumentException(
                "conversation '" + id + "' does not exist")));
    }

    /** Gives a waiting conversation to {@code agent}; false when someone else got it first or it no longer waits. */
    public boolean assign(String id, String agent, Instant now) {
        return change(id, Set.of(ConversationStatus.QUEUED, ConversationStatus.PENDING), ConversationStatus.ASSIGNED,
                "assigned", now, c -> new Conversation(c.id(), ConversationStatus.ASSIGNED, c.channel(), c.customerId(),
                        c.customerName(), c.segment(), c.vip(), c.skill(), c.handoffReason(), c.summary(), agent, c.queuedAt(),
                        now, null, c.createdAt(), now, c.revision() + 1)).isPresent();
    }

    /** Passes an assigned conversation from {@code from} to {@code to}; false when {@code from} does not own it. */
    public boolean transfer(String id, String from, String to, Instant now) {
        return repository.find(id).filter(c -> c.status() == ConversationStatus.ASSIGNED && from.equals(c.agent()))
                .flatMap(c -> change(id, Set.of(ConversationStatus.ASSIGNED), ConversationStatus.ASSIGNED, "transfer", now,
                        x -> from.equals(x.agent()) ? with(x, ConversationStatus.ASSIGNED, to, x.customerId(), x.customerName(),
                                x.segment(), x.vip()) : null))
                .isPresent();
    }

    /** Puts an assigned conversation back in the queue (its place kept), e.g. when the agent did not accept in time. */
    public boolean requeue(String id, String reason, Instant now) {
        return change(id, Set.of(ConversationStatus.ASSIGNED), ConversationStatus.QUEUED, reason, now,
                c -> with(c, ConversationStatus.QUEUED, null, c.customerId(), c.customerName(), c.segment(), c.vip())).isPresent();
    }

    /** Puts a conversation {@code agent} owns back in the queue (its place kept), e.g. to go to another team. */
    public boolean requeueFrom(String id, String agent, String reason, Instant now) {
        return change(id, Set.of(ConversationStatus.ASSIGNED), ConversationStatus.QUEUED, reason, now,
                c -> agent.equals(c.agent()) ? with(c, ConversationStatus.QUEUED, null, c.customerId(), c.customerName(),
                        c.segment(), c.vip()) : null).isPresent();
    }

    /** Marks a conversation as waiting for the customer (a message left while no agent was online). */
    public boolean pending(String id, String reason, Instant now) {
        return change(id, Set.of(ConversationStatus.BOT, ConversationStatus.QUEUED, ConversationStatus.ASSIGNED),
                ConversationStatus.PENDING, reason, now,
                c -> with(c, ConversationStatus.PENDING, c.agent(), c.customerId(), c.customerName(), c.segment(), c.vip()))
                .isPresent();
    }

    /** Closes a conversation. */
    public boolean resolve(String id, String actor, Instant now) {
        return change(id, Set.of(ConversationStatus.BOT, ConversationStatus.QUEUED, ConversationStatus.ASSIGNED,
                ConversationStatus.PENDING), ConversationStatus.RESOLVED, "resolved by " + actor, now,
                c -> new Conversation(c.id(), ConversationStatus.RESOLVED, c.channel(), c.customerId(), c.customerName(),
                        c.segment(), c.vip(), c.skill(), c.handoffReason(), c.summary(), c.agent(), c.queuedAt(), c.assignedAt(),
                        now, c.createdAt(), now, c.revision() + 1)).isPresent();
    }

    /** Closes a conversation with the agent's wrap-up code (e.g. 已解决, 需回访) and note. */
    public boolean resolve(String id, String actor, String wrapUp, String note, Instant now) {
        boolean done = resolve(id, actor, now);
        if (done) {
            repository.wrapUp(id, wrapUp, note);
        }
        return done;
    }

    /** The waiting conversations, VIPs first, then in order of arrival. */
    public List<Conversation> queue(int limit) {
        return repository.byStatus(ConversationStatus.QUEUED, limit);
    }

    /**
     * Messages left while no agent was online (PENDING without an agent), VIPs first, then in order of arrival; routing
     * serves them like queued conversations.
     */
    public List<Conversation> leftMessages(int limit) {
        return repository.byStatus(ConversationStatus.PENDING, Integer.MAX_VALUE).stream().filter(c -> c.agent() == null)
                .limit(limit).toList();
    }

    /** How many conversations each agent owns now (agents without any are absent). */
    public Map<String, Integer> loads() {
        return repository.countByAgent(ConversationStatus.ASSIGNED);
    }

    /** Every conversation not yet resolved and past the bot: waiting, with an agent, or waiting for the customer. */
    public List<Conversation> live(int limit) {
        List<Conversation> all = new java.util.ArrayList<>(repository.byStatus(ConversationStatus.ASSIGNED, limit));
        all.addAll(repository.byStatus(ConversationStatus.QUEUED, limit));
        all.addAll(repository.byStatus(ConversationStatus.PENDING, limit));
        return all.stream().limit(limit).toList();
    }

    /** A known customer's conversations, newest first (anonymous visitors have none). */
    public List<Conversation> ofCustomer(String customerId, int limit) {
        return customerId == null ? List.of() : repository.byCustomer(customerId, limit);
    }

    /** The conversations {@code agent} owns now. */
    public List<Conversation> ownedBy(String agent) {
        return repository.byAgent(agent, ConversationStatus.ASSIGNED);
    }

    /** Whether a human agent owns the conversation (the bot must then stay quiet). */
    public boolean humanOwns(String id) {
        return repository.find(id).map(c -> c.status() == ConversationStatus.ASSIGNED).orElse(false);
    }

    private static Conversation with(Conversation c, ConversationStatus status, String agent, String customerId,
                                     String customerName, String segment, boolean vip) {
        return new Conversation(c.id(), status, c.channel(), customerId, customerName, segment, vip, c.skill(),
                c.handoffReason(), c.summary(), agent, c.queuedAt(), status == ConversationStatus.ASSIGNED ? c.assignedAt() : null,
                c.resolvedAt(), c.createdAt(), c.updatedAt(), c.revision() + 1);
    }

    /**
     * Compare-and-set from one of {@code from} to the conversation {@code next} makes (or null to give up); retried when
     * another writer moved the revision meanwhile. Publishes the status change.
     */
    private Optional<Conversation> change(String id, Set<ConversationStatus> from, ConversationStatus to, String reason,
                                          Instant now, UnaryOperator<Conversation> next) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Conversation current = repository.find(id).orElseThrow(() -> new IllegalArgumentException(
                    "conversation '" + id + "' does not exist"));
            if (!from.contains(current.status()) || to != null && !current.status().canGoTo(to) && current.status() != to) {
                return Optional.empty();
            }
            Conversation proposed = next.apply(current);
            if (proposed == null) {
                return Optional.empty();
            }
            Conversation stamped = new Conversation(proposed.id(), proposed.status(), proposed.channel(), proposed.customerId(),
                    proposed.customerName(), proposed.segment(), proposed.vip(), proposed.skill(), proposed.handoffReason(),
                    proposed.summary(), proposed.agent(), proposed.queuedAt(), proposed.assignedAt(), proposed.resolvedAt(),
                    proposed.createdAt(), now, current.revision() + 1);
            if (repository.update(stamped, current.revision())) {
                if (to != null) {
                    events.publishEvent(new ConversationEvents.StatusChanged(stamped, current.status(), stamped.status(),
                            stamped.agent(), reason, now));
                }
                return Optional.of(stamped);
            }
        }
        return Optional.empty();
    }
}
