package io.huida.engine.dialog;

import io.huida.engine.bot.BotReply;

import java.util.Objects;

/**
 * The result of one customer message: the reply and the conversation's next state (which the caller stores).
 */
public record DialogTurn(BotReply reply, ConversationState state) {

    public DialogTurn {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(state, "state");
    }
}
