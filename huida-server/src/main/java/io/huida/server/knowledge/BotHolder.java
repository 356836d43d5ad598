package io.huida.server.knowledge;

import io.huida.engine.bot.Bot;
import io.huida.engine.dialog.DialogEngine;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bot and flows of the published knowledge-base version. Swapped atomically on publish, so messages keep being
 * answered by the old version until the new one is fully built.
 */
@Component
public class BotHolder {

    /** A built dialog engine (knowledge-base bot plus flows) with the version it answers from. */
    public record Current(DialogEngine dialog, long version, Instant builtAt) {

        /** The knowledge-base bot. */
        public Bot bot() {
            return dialog.bot();
        }
    }

    private final AtomicReference<Current> current = new AtomicReference<>();

    /** The current bot, or empty while no version has been published or built yet. */
    public Optional<Current> current() {
        return Optional.ofNullable(current.get());
    }

    void swap(Current next) {
        current.set(next);
    }
}
