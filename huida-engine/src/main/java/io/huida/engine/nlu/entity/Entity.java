package io.huida.engine.nlu.entity;

import java.util.Objects;

/**
 * An entity found in a customer message: its type, normalised value, the original text and its span.
 *
 * <p>{@code start} and {@code end} index the caller's original string ({@code end} exclusive), so
 * {@code message.substring(start, end).equals(text)} always holds. Values are normalised per type; the
 * forms are documented on each extractor (for example {@code +8613812345678}, {@code 1299.00 CNY},
 * {@code 2026-11-23T15:00+08:00}).
 *
 * @param type  one of the lower-case type constants of this record
 * @param value the normalised value
 * @param text  the original text of the span
 * @param start start offset in the original message, inclusive
 * @param end   end offset in the original message, exclusive
 */
public record Entity(String type, String value, String text, int start, int end) {

    /** Phone numbers: CN mobile, landline, 400/800 and international numbers. */
    public static final String PHONE = "phone";
    /** E-mail addresses. */
    public static final String EMAIL = "email";
    /** Order and waybill numbers. */
    public static final String ORDER_NUMBER = "order_number";
    /** Dates, times and date ranges, absolute or relative. */
    public static final String DATETIME = "datetime";
    /** Amounts of money with a currency. */
    public static final String MONEY = "money";
    /** Counts and measures of goods: a number and a unit. */
    public static final String QUANTITY = "quantity";
    /** Mainland Chinese resident ID card numbers (18 characters, checksum valid). */
    public static final String ID_CARD = "id_card";
    /** Bank card numbers (16–19 digits, Luhn valid). */
    public static final String BANK_CARD = "bank_card";
    /** Provinces, cities and districts of China. */
    public static final String LOCATION = "location";
    /** Products of the knowledge base's dictionary. */
    public static final String PRODUCT = "product";

    public Entity {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("entity type must not be blank, got '" + type + "'");
        }
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ") for '" + text + "'");
        }
        if (text.length() != end - start) {
            throw new IllegalArgumentException("text '" + text + "' does not fit span [" + start + ", " + end + ")");
        }
    }

    /** Returns the length of the span. */
    public int length() {
        return end - start;
    }

    /** Returns true when this entity's span shares at least one character with {@code other}'s. */
    public boolean overlaps(Entity other) {
        return start < other.end && other.start < end;
    }
}
