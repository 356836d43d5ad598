package io.huida.engine.dialog.flow;

import java.util.Objects;

/**
 * A text a flow shows the customer, in Chinese and English; when a flow file gives only one language it is
 * used for both.
 *
 * @param zh the Chinese text, not blank
 * @param en the English text, not blank
 */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        if (zh == null || zh.isBlank()) {
            throw new IllegalArgumentException("Chinese text must not be blank");
        }
        if (en == null || en.isBlank()) {
            throw new IllegalArgumentException("English text must not be blank");
        }
    }

    /** The same text in both languages. */
    public static LocalizedText of(String text) {
        Objects.requireNonNull(text, "text");
        return new LocalizedText(text, text);
    }

    /** The text for a Chinese ({@code zh == true}) or English conversation. */
    public String in(boolean chinese) {
        return chinese ? zh : en;
    }
}
