package io.huida.engine.dialog;

import io.huida.engine.bot.BotReply;

import java.util.List;
import java.util.Objects;

/**
 * Options the bot offered and is waiting for the customer to pick.
 *
 * @param source   the clarification id ({@code clarify:<id>}) or {@code kb} for knowledge-base candidates
 * @param question the customer's question that was ambiguous
 * @param options  what was offered, numbered from 1
 * @param round    1 for the first question, 2 when it was narrowed once …
 */
public record PendingChoice(String source, String question, List<BotReply.Option> options, int round) {

    public PendingChoice {
        Objects.requireNonNull(source, "source");
        options = List.copyOf(options);
    }
}
