package io.huida.engine.nlu.entity;

import com.hankcs.hanlp.HanLP;

/**
 * Folds a message to a form the extractors match on, keeping every character at its offset: full-width
 * ASCII to half-width, the ideographic space to a space, ￥ to ¥, and traditional Chinese to simplified
 * (號→号, 萬→万, 塊→块, 點→点). Because the length never changes, spans found in the folded text index
 * the original text too.
 */
final class TextFold {

    private record Last(String in, String out) {
    }

    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private TextFold() {
    }

    static String fold(String text) {
        Last last = LAST.get();
        if (last != null && last.in == text) {
            return last.out;
        }
        String out = compute(text);
        LAST.set(new Last(text, out));
        return out;
    }

    private static String compute(String text) {
        char[] chars = text.toCharArray();
        boolean han = false;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\u3000') {
                chars[i] = ' ';
            } else if (c >= '\uff01' && c <= '\uff5e') {
                chars[i] = (char) (c - 0xfee0);
            } else if (c == '\uffe5') {
                chars[i] = '\u00a5';
            } else if (c >= '\u3400') {
                han = true;
            }
        }
        String half = new String(chars);
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
