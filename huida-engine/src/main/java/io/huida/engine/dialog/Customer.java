package io.huida.engine.dialog;

/**
 * Who the bot is talking to, as far as the channel knows.
 *
 * @param id      the customer's id in the business's systems, or null for an anonymous visitor
 * @param name    display name, or null
 * @param segment customer segment (e.g. {@code vip}, {@code gold}), or null
 * @param vip     whether the customer is a VIP (also true when the segment is {@code vip})
 */
public record Customer(String id, String name, String segment, boolean vip) {

    /** An anonymous visitor. */
    public static final Customer ANONYMOUS = new Customer(null, null, null, false);

    public Customer {
        segment = segment == null || segment.isBlank() ? null : segment.strip().toLowerCase(java.util.Locale.ROOT);
        vip = vip || "vip".equals(segment);
    }

    /** A customer known only by segment. */
    public static Customer ofSegment(String segment) {
        return new Customer(null, null, segment, false);
    }
}
