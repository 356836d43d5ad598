package io.huida.server.conversation;

import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.BotRequest;
import io.huida.server.knowledge.BotHolder;
import io.huida.server.knowledge.NotReadyException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Customers' messages to the bot: {@code POST /api/v1/bot/messages}. */
@RestController
@RequestMapping("/api/v1/bot")
class BotController {

    private final BotHolder holder;
    private final EmotionHistory emotions;

    BotController(BotHolder holder, EmotionHistory emotions) {
        this.holder = holder;
        this.emotions = emotions;
    }

    /**
     * A message to the bot.
     *
     * @param sessionId the conversation; chat-page visitors must use the session their token was issued for
     * @param channel   web, wechat, email, sms or api (default api); selects answer variants
     * @param segment   optional customer segment (e.g. vip); selects answer variants
     */
    record MessageRequest(String sessionId, String text, String channel, String segment) {
    }

    @PostMapping("/messages")
    BotReply message(@RequestBody MessageRequest request, java.security.Principal principal) {
        if (request == null) {
            throw new IllegalArgumentException("request body is required: {\"sessionId\", \"text\", \"channel\"}");
        }
        if (request.sessionId() != null && request.sessionId().length() > 100) {
            throw new IllegalArgumentException("sessionId has " + request.sessionId().length() + " characters, more than 100");
        }
        String name = principal == null ? "" : principal.getName();
        if (name.startsWith("visitor:") && request.sessionId() != null && !name.equals("visitor:" + request.sessionId())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "the visitor token was issued for another session than '" + request.sessionId() + "'");
        }
        BotRequest botRequest = new BotRequest(request.text(), request.channel(), request.segment(), Instant.now());
        var current = holder.current().orElseThrow(() -> new NotReadyException(
                "no knowledge base is published yet; import one at /admin"));
        BotReply reply = current.bot().reply(botRequest);
        if (request.sessionId() != null && !request.sessionId().isBlank()) {
            emotions.record(request.sessionId(), reply.emotion());
        }
        return reply;
    }
}
