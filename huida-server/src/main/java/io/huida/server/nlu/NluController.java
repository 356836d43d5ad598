package io.huida.server.nlu;

import io.huida.engine.nlu.DetectedEmotion;
import io.huida.engine.nlu.RecognizedIntent;
import io.huida.engine.nlu.Understanding;
import io.huida.engine.nlu.emotion.EmotionTrend;
import io.huida.engine.nlu.entity.Entity;
import io.huida.server.conversation.EmotionHistory;
import io.huida.server.knowledge.BotHolder;
import io.huida.server.knowledge.NotReadyException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Language understanding without answering: {@code POST /api/v1/nlu/parse}. */
@RestController
@RequestMapping("/api/v1/nlu")
class NluController {

    private final BotHolder holder;
    private final EmotionHistory emotions;

    NluController(BotHolder holder, EmotionHistory emotions) {
        this.holder = holder;
        this.emotions = emotions;
    }

    /**
     * A message to understand.
     *
     * @param text      the customer's message (1 to 2,000 characters)
     * @param sessionId optional conversation: its emotion trend is returned and this turn added to it
     */
    record ParseRequest(String text, String sessionId) {
    }

    /** The emotional course of the conversation so far. */
    record TrendView(String current, boolean escalating, double negativity) {
        static TrendView of(EmotionTrend t) {
            return new TrendView(t.current().name().toLowerCase(Locale.ROOT), t.escalating(), Math.round(t.negativity() * 1000) / 1000.0);
        }
    }

    /**
     * What was understood.
     *
     * @param intent   the knowledge base's intent (name null when out of scope)
     * @param entities entities with type, normalised value, original text and span
     * @param emotion  the emotion of this message
     * @param trend    the conversation's emotion trend (only with a sessionId)
     */
    record ParseResponse(RecognizedIntent intent, List<Entity> entities, DetectedEmotion emotion, TrendView trend) {
    }

    @PostMapping("/parse")
    ParseResponse parse(@RequestBody ParseRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request body is required: {\"text\", \"sessionId\"}");
        }
        if (request.sessionId() != null && request.sessionId().length() > 100) {
            throw new IllegalArgumentException("sessionId has " + request.sessionId().length() + " characters, more than 100");
        }
        var current = holder.current().orElseThrow(() -> new NotReadyException(
                "no knowledge base is published yet; import one at /admin"));
        Understanding u = current.bot().understand(request.text(), Instant.now());
        TrendView trend = request.sessionId() == null || request.sessionId().isBlank() ? null
                : TrendView.of(emotions.record(request.sessionId(), u.emotion()));
        return new ParseResponse(u.intent(), u.entities(), u.emotion(), trend);
    }
}
