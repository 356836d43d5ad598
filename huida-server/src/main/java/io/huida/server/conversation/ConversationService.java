package io.huida.server.conversation;

import io.huida.engine.bot.BotReply;
import io.huida.engine.dialog.ConversationState;
import io.huida.engine.dialog.DialogEngine;
import io.huida.engine.dialog.DialogRequest;
import io.huida.engine.dialog.DialogTurn;
import io.huida.server.knowledge.BotHolder;
import io.huida.server.knowledge.NotReadyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Customers' messages through the dialog engine: one session's messages one at a time and in order, its state
 * loaded before and saved after each message (so a restart mid-flow loses nothing), the transcript stored with
 * personal data masked. A session belongs to the caller that opened it.
 */
@Service
public class ConversationService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConversationService.class);
    private static final int ATTEMPTS = 3;

    private final BotHolder holder;
    private final ConversationRepository repository;
    private final SessionLocks locks;
    private final TransactionTemplate tx;

    private final ConversationLifecycle lifecycle;
    private final MessageLog messages;
    private final org.springframework.context.ApplicationEventPublisher events;

    ConversationService(BotHolder holder, ConversationRepository repository, SessionLocks locks, TransactionTemplate tx,
                        ConversationLifecycle lifecycle, MessageLog messages,
                        org.springframework.context.ApplicationEventPublisher events) {
        this.lifecycle = lifecycle;
        this.messages = messages;
        this.events = events;
        this.holder = holder;
        this.repository = repository;
        this.locks = locks;
        this.tx = tx;
    }

    /**
     * What one customer message produced.
     *
     * @param reply     the bot's reply (null for a resent message that was handled before)
     * @param customer  the stored customer message
     * @param bot       the stored bot message, or null
     * @param duplicate whether the message had been received before (same client id): nothing was done again
     */
    public record Posted(BotReply reply, ChatEntry customer, ChatEntry bot, boolean duplicate) {
    }

    /**
     * Answers one message.
     *
     * @param sessionId the conversation, or null for a single message without memory
     * @param owner     who is calling (a session answers only the caller that opened it)
     */
    public BotReply message(String sessionId, String owner, DialogRequest request) {
        Posted p = post(sessionId, owner, request, null);
        return p.reply() != null ? p.reply() : quiet(request);
    }

    /** The reply while an agent owns the conversation: no bot text, only what the message carries. */
    private BotReply quiet(DialogRequest request) {
        DialogEngine engine = holder.current().orElseThrow().dialog();
        var u = engine.bot().understand(request.text(), request.now());
        return new BotReply(io.huida.engine.bot.ReplyType.HANDOFF, "", null, 0, java.util.List.of(),
                new BotReply.Explanation(null, null, null, 0, 0, 0, 0, "an agent owns the conversation; the bot stays quiet"),
                u.intent(), u.entities(), u.emotion(), null, null, java.util.List.of(), java.util.List.of(),
                new BotReply.Handoff("agent", "an agent owns the conversation", null, ""), null);
    }

    /**
     * Answers one message that carries the sender's own id for it: a resend (after a dropped connection) is recognised
     * and not answered twice.
     */
    public Posted post(String sessionId, String owner, DialogRequest request, String clientId) {
        return post(sessionId, owner, request, clientId, e -> { });
    }

    /**
     * Answers one message; {@code stored} hears about the customer's message as soon as it is stored (committed), before
     * the bot works on it — so a client can be acknowledged at once.
     */
    public Posted post(String sessionId, String owner, DialogRequest request, String clientId,
                       java.util.function.Consumer<ChatEntry> stored) {
        DialogEngine engine = holder.current().map(BotHolder.Current::dialog).orElseThrow(() -> new NotReadyException(
                "no knowledge base is published yet; import one at /admin"));
        if (sessionId == null) {
            return new Posted(engine.reply(request, ConversationState.NEW).reply(), null, null, false);
        }
        return locks.inOrder(sessionId, () -> {
            lifecycle.open(sessionId, request.channel(), request.customer(), request.now());
            Optional<ConversationRepository.Stored> before = repository.find(sessionId);
            if (before.isPresent() && !before.get().owner().equals(owner)) {
                throw new AccessDeniedException("session '" + sessionId + "' belongs to another caller");
            }
            if (clientId != null) {
                Optional<ChatEntry> seen = messages.byClientId(sessionId, clientId);
                if (seen.isPresent()) {
                    stored.accept(seen.get());
                    return new Posted(null, seen.get(), null, true);
                }
            }
            ChatEntry customer = tx.execute(s -> messages.append(sessionId, "customer", null, request.text(), clientId,
                    null, request.now()));
            events.publishEvent(new ConversationEvents.MessageAdded(customer, null));
            stored.accept(customer);
            if (lifecycle.humanOwns(sessionId)) { // an agent has the conversation: the bot stays quiet
                return new Posted(null, customer, null, false);
            }
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Optional<ConversationRepository.Stored> state = attempt == 1 ? before : repository.find(sessionId);
                DialogTurn turn = engine.reply(request, state.map(ConversationRepository.Stored::state).orElse(ConversationState.NEW));
                long revision = state.map(ConversationRepository.Stored::revision).orElse(0L);
                ChatEntry[] bot = new ChatEntry[1];
                Boolean saved = tx.execute(s -> {
                    if (!repository.save(sessionId, owner, turn.state(), revision, request.now())) {
                        s.setRollbackOnly();
                        return false;
                    }
                    bot[0] = messages.append(sessionId, "bot", null, turn.reply().text(), null, turn.reply(), request.now());
                    return true;
                });
                if (Boolean.TRUE.equals(saved)) {
                    events.publishEvent(new ConversationEvents.MessageAdded(bot[0], turn.reply()));
                    if (turn.reply().handoff() != null) {
                        BotReply.Handoff h = turn.reply().handoff();
                        lifecycle.handoff(sessionId, h.reason(), skill(engine, turn), h.summary(), request.now());
                    }
                    log.info("session {}: \"{}\" -> {} {}", sessionId, request.text(), turn.reply().type(),
                            turn.reply().flowId() == null ? "" : "(flow " + turn.reply().flowId() + ")");
                    return new Posted(turn.reply(), customer, bot[0], false);
                }
            }
            throw new IllegalStateException("session '" + sessionId + "' is being changed elsewhere; send the message again");
        });
    }

    /**
     * A customer's file or image, stored as a message of the conversation (the bot does not read files; an agent
     * does).
     *
     * @param label what the message says, e.g. "[图片] receipt.png"
     */
    public ChatEntry postAttachment(String sessionId, String owner, String label, String attachmentId, java.time.Instant now) {
        return locks.inOrder(sessionId, () -> {
            Optional<ConversationRepository.Stored> stored = repository.find(sessionId);
            if (stored.isPresent() && !stored.get().owner().equals(owner)) {
                throw new AccessDeniedException("session '" + sessionId + "' belongs to another caller");
            }
            lifecycle.open(sessionId, "web", io.huida.engine.dialog.Customer.ANONYMOUS, now);
            ChatEntry e = tx.execute(s -> messages.append(sessionId, "customer", null, label, null, null, now, attachmentId));
            events.publishEvent(new ConversationEvents.MessageAdded(e, null));
            return e;
        });
    }

    /**
     * An agent's message to the customer, stored and delivered (a resend with the same client id is stored once).
     *
     * @throws AccessDeniedException when {@code agent} does not own the conversation
     */
    public ChatEntry postAgentMessage(String conversationId, String agent, String text, String clientId, java.time.Instant now) {
        if (text == null || text.isBlank() || text.length() > io.huida.engine.bot.BotRequest.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("an agent message needs 1 to " + io.huida.engine.bot.BotRequest.MAX_TEXT_LENGTH
                    + " characters, got " + (text == null ? 0 : text.length()));
        }
        requireOwner(conversationId, agent);
        ChatEntry e = tx.execute(s -> messages.append(conversationId, "agent", agent, text, clientId, null, now));
        events.publishEvent(new ConversationEvents.MessageAdded(e, null));
        return e;
    }

    /**
     * An agent's file or image for the customer, stored as a message of the conversation and delivered.
     *
     * @param label what the message says, e.g. "[文件] 退款说明.pdf"
     * @throws AccessDeniedException when {@code agent} does not own the conversation
     */
    public ChatEntry postAgentAttachment(String conversationId, String agent, String label, String attachmentId,
                                         java.time.Instant now) {
        requireOwner(conversationId, agent);
        ChatEntry e = tx.execute(s -> messages.append(conversationId, "agent", agent, label, null, null, now, attachmentId));
        events.publishEvent(new ConversationEvents.MessageAdded(e, null));
        return e;
    }

    /**
     * Checks that {@code agent} owns the conversation now (assigned to them).
     *
     * @throws AccessDeniedException when it does not
     */
    public void requireOwner(String conversationId, String agent) {
        Conversation c = lifecycle.find(conversationId).orElseThrow(() -> new IllegalArgumentException(
                "conversation '" + conversationId + "' does not exist"));
        if (c.status() != ConversationStatus.ASSIGNED || !agent.equals(c.agent())) {
            throw new AccessDeniedException("agent '" + agent + "' does not own conversation '" + conversationId + "'");
        }
    }

    /**
     * The skill the conversation needs: the one the flow's handoff names, else the top level of the category of the
     * FAQ the conversation was last about (信用卡/额度 → 信用卡), else of this message's best candidate when it was close,
     * else none (any agent).
     */
    private static String skill(DialogEngine engine, DialogTurn turn) {
        BotReply reply = turn.reply();
        if (reply.handoff().skill() != null && !reply.handoff().skill().isBlank()) {
            return reply.handoff().skill();
        }
        String faqId = turn.state().context() != null ? turn.state().context().faqId() : null;
        if (faqId == null && !reply.candidates().isEmpty()
                && reply.candidates().get(0).score() >= reply.explanation().clarifyThreshold()) {
            faqId = reply.candidates().get(0).faqId();
        }
        var faq = faqId == null ? null : engine.bot().index().faq(faqId);
        if (faq == null || faq.category() == null || faq.category().isBlank()) {
            return null;
        }
        String top = faq.category().split("[/／>]")[0].strip();
        return top.isEmpty() ? null : top;
    }

    /** The stored state of a session, if any (for the agent console and tests). */
    public Optional<ConversationState> state(String sessionId) {
        return repository.find(sessionId).map(ConversationRepository.Stored::state);
    }

    /** The recent transcript of a session, personal data masked, oldest first. */
    public java.util.List<ChatEntry> transcript(String sessionId, int limit) {
        return messages.recent(sessionId, limit);
    }
}
