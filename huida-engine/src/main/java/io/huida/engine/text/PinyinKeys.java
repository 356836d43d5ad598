package io.huida.engine.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

import java.util.ArrayList;
import java.util.List;

/**
 * Toneless pinyin syllable bigrams of Chinese text, so that homophone typos (在/再, 帐/账, 冲/充) still
 * match: "冲值" and "充值" both give {@code chong|zhi}.
 */
public final class PinyinKeys {

    private PinyinKeys() {
    }

    /** Returns the syllable bigrams (and, for a single syllable, the unigram) of the Han characters in {@code text}. */
    public static List<String> of(String text) {
        List<String> syllables = new ArrayList<>();
        StringBuilder han = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Language.isCjk(c)) {
                han.append(c);
            } else if (!han.isEmpty()) {
                addSyllables(han, syllables);
                syllables.add("|");
                han.setLength(0);
            }
        }
        addSyllables(han, syllables);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i + 1 < syllables.size(); i++) {
            if (!"|".equals(syllables.get(i)) && !"|".equals(syllables.get(i + 1))) {
                keys.add(syllables.get(i) + syllables.get(i + 1));
            }
        }
        if (keys.isEmpty() && syllables.size() == 1) {
            keys.add(syllables.get(0));
        }
        return keys;
    }

    private static void addSyllables(CharSequence han, List<String> out) {
        if (han.isEmpty()) {
            return;
        }
        for (Pinyin p : HanLP.convertToPinyinList(han.toString())) {
            out.add(p.getPinyinWithoutTone());
        }
    }
}
