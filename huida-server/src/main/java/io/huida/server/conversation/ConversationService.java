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
import java.util.function.UnaryOperator;

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
    private final UnaryOperator<String> masker;

    private final ConversationLifecycle lifecycle;

    ConversationService(BotHolder holder, ConversationRepository repository, SessionLocks locks, TransactionTemplate tx,
                        DialogConfig.Masker masker, ConversationLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.holder = holder;
        this.repository = repository;
        this.locks = locks;
        this.tx = tx;
        this.masker = masker;
    }

    /**
     * Answers one message.
     *
     * @param sessionId the conversation, or null for a single message without memory
     * @param owner     who is calling (a session answers only the caller that opened it)
     */
    public BotReply message(String sessionId, String owner, DialogRequest request) {
        DialogEngine engine = holder.current().map(BotHolder.Current::dialog).orElseThrow(() -> new NotReadyException(
                "no knowledge base is published yet; import one at /admin"));
        if (sessionId == null) {
            return engine.reply(request, ConversationState.NEW).reply();
        }
        return locks.inOrder(sessionId, () -> {
            lifecycle.open(sessionId, request.channel(), request.customer(), request.now());
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Optional<ConversationRepository.Stored> stored = repository.find(sessionId);
                if (stored.isPresent() && !stored.get().owner().equals(owner)) {
                    throw new AccessDeniedException("session '" + sessionId + "' belongs to another caller");
                }
                DialogTurn turn = engine.reply(request, stored.map(ConversationRepository.Stored::state).orElse(ConversationState.NEW));
                long revision = stored.map(ConversationRepository.Stored::revision).orElse(0L);
                Boolean saved = tx.execute(s -> {
                    if (!repository.save(sessionId, owner, turn.state(), revision, request.now())) {
                        s.setRollbackOnly();
                        return false;
                    }
                    repository.append(sessionId, "customer", masker.apply(request.text()), null, request.now());
                    repository.append(sessionId, "bot", masker.apply(turn.reply().text()), turn.reply(), request.now());
                    return true;
                });
                if (Boolean.TRUE.equals(saved)) {
                    if (turn.reply().handoff() != null) {
                        BotReply.Handoff h = turn.reply().handoff();
                        lifecycle.handoff(sessionId, h.reason(), skill(engine, turn), h.summary(), request.now());
                    }
                    log.info("session {}: \"{}\" -> {} {}", sessionId, request.text(), turn.reply().type(),
                            turn.reply().flowId() == null ? "" : "(flow " + turn.reply().flowId() + ")");
                    return turn.reply();
                }
            }
            throw new IllegalStateException("session '" + sessionId + "' is being changed elsewhere; send the message again");
        });
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

    /** The recent transcript of a session, personal data masked. */
    public java.util.List<ConversationRepository.Line> transcript(String sessionId, int limit) {
        return repository.transcript(sessionId, limit);
    }
}
