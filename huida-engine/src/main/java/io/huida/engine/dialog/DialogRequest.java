package io.huida.engine.dialog;

import io.huida.engine.bot.BotRequest;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer message to the dialog engine.
 *
 * @param text     the message (same limits as {@link BotRequest})
 * @param channel  web, wechat, email, sms or api
 * @param customer who sent it
 * @param now      when
 */
public record DialogRequest(String text, String channel, Customer customer, Instant now) {

    public DialogRequest {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(now, "now");
        new BotRequest(text, channel, customer.segment(), now); // the same checks as a message to the bot
    }

    /** A message from an anonymous API caller, now. */
    public static DialogRequest of(String text) {
        return new DialogRequest(text, "api", Customer.ANONYMOUS, Instant.now());
    }

    BotRequest toBot() {
        return new BotRequest(text, channel, customer.segment(), now);
    }
}
