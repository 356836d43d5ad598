package io.huida.server.conversation;

import io.huida.engine.nlu.DetectedEmotion;
import io.huida.engine.nlu.emotion.Emotion;
import io.huida.engine.nlu.emotion.EmotionLabel;
import io.huida.engine.nlu.emotion.EmotionTrend;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The emotions of each conversation's recent customer turns, so that every reply can say whether the
 * customer is calming down or escalating. Kept in memory for the most recently active sessions.
 */
@Component
public class EmotionHistory {

    static final int MAX_SESSIONS = 10_000;
    static final int MAX_TURNS = 20;

    private final Map<String, Deque<Emotion>> sessions = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Emotion>> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    /** Adds a customer turn's emotion to {@code sessionId} and returns the conversation's trend including it. */
    public synchronized EmotionTrend record(String sessionId, DetectedEmotion emotion) {
        Deque<Emotion> turns = sessions.computeIfAbsent(sessionId, k -> new ArrayDeque<>());
        turns.addLast(new Emotion(EmotionLabel.valueOf(emotion.label().toUpperCase(Locale.ROOT)), emotion.intensity(), emotion.cues()));
        while (turns.size() > MAX_TURNS) {
            turns.removeFirst();
        }
        return EmotionTrend.of(new ArrayList<>(turns));
    }

    /** The trend of {@code sessionId} so far ({@link EmotionTrend#CALM} for an unknown session). */
    public synchronized EmotionTrend trend(String sessionId) {
        Deque<Emotion> turns = sessions.get(sessionId);
        return turns == null ? EmotionTrend.CALM : EmotionTrend.of(List.copyOf(turns));
    }
}
