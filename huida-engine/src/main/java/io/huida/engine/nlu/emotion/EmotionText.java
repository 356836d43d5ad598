package io.huida.engine.nlu.emotion;

import com.hankcs.hanlp.HanLP;
import io.huida.engine.text.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalises and tokenises customer text for emotion cues: full-width to half-width, traditional to simplified
 * Chinese, then one token per Chinese character, English word, emoji or clause punctuation mark.
 *
 * <p>{@link io.huida.engine.text.TextNormalizer} is not used here on purpose: it removes exactly what
 * carries emotion (exclamation marks, emoji, venting such as 气死了 and upper case).
 */
final class EmotionText {

    /** One token; {@code caps} marks an upper-case English word that is not a common abbreviation. */
    record Token(String text, boolean caps, boolean boundary) {
    }

    private static final String BOUNDARIES = ",.!?;:~\u3002\u3001\u2026\n\r";
    private static final Set<String> ABBREVIATIONS = Set.of("otp", "sim", "puk", "pin", "vip", "etc", "app",
            "atm", "usb", "sms", "ok", "id", "cvv", "eta", "ups", "dhl", "ems", "sf", "vpn", "tv", "pc", "kb",
            "faq", "usa", "uk", "hk", "cn", "gb", "mb", "iban", "swift", "nfc", "esim", "imei", "apn", "wifi",
            "dm", "pm", "am", "ceo", "it", "ai", "api", "pdf", "qr", "i", "sla", "visa", "usps", "fedex", "ssn",
            "kyc", "utc", "gmt", "ip", "dns", "lte", "dvd", "cd", "gps", "ppt", "jd");

    private EmotionText() {
    }

    /** Full-width to half-width, curly apostrophes to straight ones, traditional to simplified Chinese. */
    static String normalize(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u3000') {
                sb.append(' ');
            } else if (c >= '\uff01' && c <= '\uff5e') {
                sb.append((char) (c - 0xfee0));
            } else if (c == '\u2019' || c == '\u2018') {
                sb.append('\'');
            } else {
                sb.append(c);
            }
        }
        String s = sb.toString();
        return Language.of(s) == Language.ZH ? HanLP.convertToSimplifiedChinese(s) : s;
    }

    /** The tokens of normalised text; English words are lower-cased. */
    static List<Token> tokenize(String normalized) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < normalized.length()) {
            int cp = normalized.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isWordChar(cp) || (cp == '\'' && !word.isEmpty() && next < normalized.length()
                    && Character.isLetter(normalized.charAt(next)))) {
                word.appendCodePoint(cp);
            } else {
                flush(word, tokens);
                if (cp < 0x10000 && Language.isCjk((char) cp)) {
                    tokens.add(new Token(Character.toString(cp), false, false));
                } else if (BOUNDARIES.indexOf(cp) >= 0) {
                    tokens.add(new Token(Character.toString(cp), false, true));
                } else if (isEmoji(cp)) {
                    tokens.add(new Token(Character.toString(cp), false, false));
                }
            }
            i = next;
        }
        flush(word, tokens);
        return tokens;
    }

    /** The text of tokens {@code from} (inclusive) to {@code to} (exclusive): words spaced, Chinese characters not. */
    static String join(List<Token> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            String t = tokens.get(k).text();
            if (!sb.isEmpty() && isWordChar(t.codePointAt(0)) && isWordChar(sb.codePointBefore(sb.length()))) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) && !(cp < 0x10000 && Language.isCjk((char) cp));
    }

    private static boolean isEmoji(int cp) {
        int type = Character.getType(cp);
        return cp >= 0x1f000 || type == Character.OTHER_SYMBOL;
    }

    private static void flush(StringBuilder word, List<Token> tokens) {
        if (word.isEmpty()) {
            return;
        }
        String w = word.toString();
        String lower = w.toLowerCase(Locale.ROOT);
        boolean caps = w.length() >= 2 && !lower.equals(w) && w.toUpperCase(Locale.ROOT).equals(w)
                && w.chars().filter(Character::isLetter).count() >= 2 && w.chars().noneMatch(Character::isDigit)
                && !ABBREVIATIONS.contains(lower); // codes such as YT12345678901234 or SKU2 are not shouting
        tokens.add(new Token(lower, caps, false));
        word.setLength(0);
    }
}
