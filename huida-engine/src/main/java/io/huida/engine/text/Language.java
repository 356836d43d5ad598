package io.huida.engine.text;

/**
 * The language of a piece of customer text, as far as retrieval cares: Chinese when it holds any CJK
 * ideograph (mixed Chinese-English messages count as Chinese), English otherwise.
 */
public enum Language {
    ZH, EN;

    /** Returns {@link #ZH} when {@code text} contains a CJK ideograph, {@link #EN} otherwise. */
    public static Language of(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isCjk(text.charAt(i))) {
                return ZH;
            }
        }
        return EN;
    }

    /** True for a CJK unified ideograph (basic block and extension A). */
    public static boolean isCjk(char c) {
        return (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3400' && c <= '\u4dbf');
    }
}
