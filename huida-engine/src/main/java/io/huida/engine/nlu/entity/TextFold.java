package io.huida.engine.nlu.entity;

import com.hankcs.hanlp.HanLP;

/**
 * Folds a message to a form the extractors match on, keeping every character at its offset: full-width
 * ASCII to half-width, the ideographic space to a space, ￥ to ¥, and traditional Chinese to simplified
 * (號→号, 萬→万, 塊→块, 點→点). Because the length never changes, spans found in the folded text index
 * the original text too.
 */
public final class TextFold {

    private record Last(String in, String out) {
    }

    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private TextFold() {
    }

    /** The folded form of {@code text}: same length, every character at its offset. */
    public static String fold(String text) {
        Last last = LAST.get();
        if (last != null && last.in == text) {
            return last.out;
        }
        String out = compute(text);
        LAST.set(new Last(text, out));
        return out;
    }

    /**
     * Only the width fold of {@link #fold}: full-width ASCII to half-width, the ideographic space to a space,
     * ￥ to ¥; Chinese characters stay as they are. Cheap; returns {@code text} itself when nothing changes.
     */
    public static String foldWidth(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = c == '\u3000' ? ' ' : c >= '\uff01' && c <= '\uff5e' ? (char) (c - 0xfee0) : c == '\uffe5' ? '\u00a5' : c;
            if (f != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = f;
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static String compute(String text) {
        String half = foldWidth(text);
        boolean han = false;
        for (int i = 0; i < half.length() && !han; i++) {
            han = half.charAt(i) >= '\u3400';
        }
        if (!han) {
            return half;
        }
        String simplified = HanLP.convertToSimplifiedChinese(half);
        if (simplified.length() == half.length()) {
            return simplified;
        }
        // a phrase mapping changed the length: convert character by character to keep offsets
        StringBuilder sb = new StringBuilder(half.length());
        for (int i = 0; i < half.length(); i++) {
            String one = HanLP.convertToSimplifiedChinese(String.valueOf(half.charAt(i)));
            sb.append(one.length() == 1 ? one.charAt(0) : half.charAt(i));
        }
        return sb.toString();
    }
}
