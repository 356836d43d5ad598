package io.huida.server.knowledge;

import io.huida.engine.bot.Bot;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bot of the published knowledge-base version. Swapped atomically on publish, so messages keep being
 * answered by the old version until the new one is fully built.
 */
@Component
public class BotHolder {

    /** A built bot with the version it answers from. */
    public record Current(Bot bot, long version, Instant builtAt) {
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
