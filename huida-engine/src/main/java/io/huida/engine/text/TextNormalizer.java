package io.huida.engine.text;

import com.hankcs.hanlp.HanLP;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Normalises customer text before it is analysed or embedded: traditional to simplified Chinese, full-width
 * to half-width, lower case, punctuation and emoji to spaces, repeated characters squeezed, and common
 * typos and homophone slips of Chinese input methods corrected.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TextNormalizer {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{IsHan}\\p{L}\\p{N}%.@#+\\-]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern REPEATS = Pattern.compile("([!?！？~。，,.])\\1+");
    private static final Pattern DANGLING_DOTS = Pattern.compile("(?<![0-9])\\.|\\.(?![0-9])");

    private final Map<String, String> corrections;

    /** Creates a normaliser with the built-in typo table. */
    public TextNormalizer() {
        this(Typos.builtIn());
    }

    /**
     * Creates a normaliser with the given corrections, applied in order after simplification.
     *
     * @param corrections wrong form to right form, e.g. {@code 冲值 → 充值}
     */
    public TextNormalizer(Map<String, String> corrections) {
        Objects.requireNonNull(corrections, "corrections");
        corrections.forEach((wrong, right) -> {
            if (wrong == null || wrong.isBlank()) {
                throw new IllegalArgumentException("correction key must not be blank, got '" + wrong + "'");
            }
        });
        this.corrections = new LinkedHashMap<>(corrections);
    }

    /**
     * Returns the normalised form of {@code text}: never null, possibly empty.
     *
     * @param text raw customer text; null is treated as empty
     */
    public String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = toHalfWidth(text);
        s = REPEATS.matcher(s).replaceAll("$1");
        if (Language.of(s) == Language.ZH) {
            s = HanLP.convertToSimplifiedChinese(s);
        }
        s = s.toLowerCase(java.util.Locale.ROOT);
        s = Glossary.builtIn().translate(s);
        for (Map.Entry<String, String> e : corrections.entrySet()) {
            if (s.contains(e.getKey())) {
                s = s.replace(e.getKey(), e.getValue());
            }
        }
        s = Colloquial.builtIn().rewrite(s);
        s = NON_WORD.matcher(s).replaceAll(" ");
        s = DANGLING_DOTS.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** Converts full-width ASCII variants and the ideographic space to their half-width forms. */
    static String toHalfWidth(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u3000') {
                sb.append(' ');
            } else if (c >= '\uff01' && c <= '\uff5e') {
                sb.append((char) (c - 0xfee0));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
