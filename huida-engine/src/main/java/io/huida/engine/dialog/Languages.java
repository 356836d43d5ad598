package io.huida.engine.dialog;

import com.hankcs.hanlp.HanLP;

import java.util.regex.Pattern;

/** The language a conversation continues in: a message without words of its own (digits, an order number) keeps it. */
final class Languages {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern ENGLISH_WORD = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])");

    private Languages() {
    }

    /**
     * Whether to answer in Chinese.
     *
     * @param previous the conversation's language so far ({@code zh}, {@code en} or null)
     * @param detected what the message alone looks like
     */
    static boolean chinese(String text, String previous, boolean detected) {
        if (HAN.matcher(text).find()) {
            return true;
        }
        long words = ENGLISH_WORD.matcher(text).results().count();
        if (previous == null || words >= 2) {
            return detected;
        }
        return previous.startsWith("zh"); // "1", "YT2026…", "ok" keep the conversation's language
    }

    /**
     * The conversation's language tag after this message: {@code zh-hant} when the customer writes traditional
     * characters (and keeps it while later messages have no Chinese of their own), {@code zh} or {@code en}.
     */
    static String tag(String text, String previous, boolean chinese) {
        if (!chinese) {
            return "en";
        }
        if (!HAN.matcher(text).find()) {
            return previous != null && previous.startsWith("zh") ? previous : "zh";
        }
        return HanLP.convertToSimplifiedChinese(text).equals(text) ? "zh" : "zh-hant";
    }

    /** The text in the conversation's script: traditional characters for a {@code zh-hant} conversation. */
    static String inScript(String text, String tag) {
        return "zh-hant".equals(tag) && text != null ? HanLP.convertToTraditionalChinese(text) : text;
    }
}
