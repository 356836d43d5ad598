package io.huida.server.conversation;

import io.huida.engine.bot.BotReply;
import io.huida.engine.dialog.Customer;
import io.huida.engine.dialog.DialogRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Customers' messages to the bot: {@code POST /api/v1/bot/messages}. */
@RestController
@RequestMapping("/api/v1/bot")
class BotController {

    private final ConversationService conversations;
    private final EmotionHistory emotions;

    BotController(ConversationService conversations, EmotionHistory emotions) {
        this.conversations = conversations;
        this.emotions = emotions;
    }

    /**
     * A message to the bot.
     *
     * @param sessionId the conversation (flows, clarifications and follow-ups need one); chat-page visitors must use
     *                  the session their token was issued for; without it every message stands alone
     * @param channel   web, wechat, email, sms or api (default api); selects answer variants
     * @param segment   optional customer segment (e.g. vip); selects answer variants and the VIP handoff rule
     * @param customerId   optional id of the customer in the business's systems (shown to agents)
     * @param customerName optional display name (shown to agents)
     */
    record MessageRequest(String sessionId, String text, String channel, String segment, String customerId,
                          String customerName) {
    }

    @PostMapping("/messages")
    BotReply message(@RequestBody MessageRequest request, java.security.Principal principal) {
        if (request == null) {
            throw new IllegalArgumentException("request body is required: {\"sessionId\", \"text\", \"channel\"}");
        }
        String sessionId = request.sessionId() == null || request.sessionId().isBlank() ? null : request.sessionId();
        if (sessionId != null && sessionId.length() > 100) {
            throw new IllegalArgumentException("sessionId has " + sessionId.length() + " characters, more than 100");
        }
        check("customerId", request.customerId());
        check("customerName", request.customerName());
        String name = principal == null ? "" : principal.getName();
        if (name.startsWith("visitor:") && sessionId != null && !name.equals("visitor:" + sessionId)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "the visitor token was issued for another session than '" + sessionId + "'");
        }
        DialogRequest dialog = new DialogRequest(request.text(), request.channel(),
                new Customer(request.customerId(), request.customerName(), request.segment(), false), Instant.now());
        BotReply reply = conversations.message(sessionId, name, dialog);
        if (sessionId != null) {
            emotions.record(sessionId, reply.emotion());
        }
        return reply;
    }

    private static void check(String field, String value) {
        if (value != null && value.length() > 100) {
            throw new IllegalArgumentException(field + " has " + value.length() + " characters, more than 100");
        }
    }
}
