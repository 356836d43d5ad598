package io.huida.engine.bot;

/** What the bot decided to do with a message. */
public enum ReplyType {
    /** Confident: the reply is an FAQ's answer. */
    ANSWER,
    /** The top candidates are too close (or not quite confident): the customer is offered them as choices. */
    CLARIFY,
    /** Nothing in the knowledge base is close enough: the bot says so instead of guessing. */
    FALLBACK,
    /** A flow needs a piece of information (its {@code slot}) or a yes/no confirmation from the customer. */
    ASK_SLOT,
    /** The conversation goes to a human agent; the reply carries the reason and a summary for the agent. */
    HANDOFF
}
