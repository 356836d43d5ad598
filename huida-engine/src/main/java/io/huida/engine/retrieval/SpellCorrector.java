package io.huida.engine.retrieval;

import com.hankcs.hanlp.dictionary.CoreDictionary;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import io.huida.engine.text.Language;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Corrects homophone typos against a knowledge base's own vocabulary: a Chinese character pair that never
 * occurs in the knowledge base, and is no word of the general dictionary (视频, 推荐 and 世界 are left alone), is
 * replaced by one that occurs at least twice and sounds the same ("卦失" → "挂失", "法货" → "发货").
 * Immutable and thread-safe.
 */
final class SpellCorrector {

    /** A pair must occur this often in the knowledge base to replace a homophone (one-off pairs such as 点钱 do not). */
    static final int MIN_COUNT = 2;

    private final Set<String> vocabulary = new HashSet<>();
    private final Map<String, String> bySound = new HashMap<>();

    SpellCorrector(Iterable<String> knowledgeBaseTexts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : knowledgeBaseTexts) {
            for (int i = 0; i + 1 < text.length(); i++) {
                if (Language.isCjk(text.charAt(i)) && Language.isCjk(text.charAt(i + 1))) {
                    counts.merge(text.substring(i, i + 2), 1, Integer::sum);
                }
            }
        }
        vocabulary.addAll(counts.keySet());
        Map<String, Integer> best = new HashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String sound = sound(e.getKey());
            if (sound != null && e.getValue() >= MIN_COUNT && e.getValue() > best.getOrDefault(sound, 0)) {
                best.put(sound, e.getValue());
                bySound.put(sound, e.getKey());
            }
        }
    }

    /** Returns {@code text} with unknown character pairs replaced by known homophones. */
    String correct(String text) {
        if (Language.of(text) != Language.ZH) {
            return text;
        }
        List<Pinyin> pinyin = HanLP.convertToPinyinList(text);
        if (pinyin.size() != text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i + 1 < text.length()) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            String pair = text.substring(i, i + 2);
            if (Language.isCjk(a) && Language.isCjk(b) && !vocabulary.contains(pair)
                    && !knownNeighbour(text, i) && !CoreDictionary.contains(pair) && !wordContinues(text, i)) {
                String sound = pinyin.get(i).getPinyinWithoutTone() + ' ' + pinyin.get(i + 1).getPinyinWithoutTone();
                String fix = bySound.get(sound);
                if (fix != null) {
                    out.replace(i, i + 2, fix);
                    i += 2;
                    continue;
                }
            }
            i++;
        }
        return out.toString();
    }

    /**
     * True when the second character of the pair at {@code i} starts a dictionary word with the next one
     * (什么区别: 么区 is no typo of 么取, 区别 is a word).
     */
    private static boolean wordContinues(String text, int i) {
        return i + 2 < text.length() && Language.isCjk(text.charAt(i + 2)) && CoreDictionary.contains(text.substring(i + 1, i + 3));
    }

    /** True when the pair at {@code i} overlaps a known pair on either side, i.e. the characters are in use. */
    private boolean knownNeighbour(String text, int i) {
        boolean left = i > 0 && Language.isCjk(text.charAt(i - 1)) && vocabulary.contains(text.substring(i - 1, i + 1));
        boolean right = i + 2 < text.length() && Language.isCjk(text.charAt(i + 2))
                && vocabulary.contains(text.substring(i + 1, i + 3));
        return left && right;
    }

    private static String sound(String pair) {
        List<Pinyin> p = HanLP.convertToPinyinList(pair);
        if (p.size() != 2 || p.get(0) == Pinyin.none5 || p.get(1) == Pinyin.none5) {
            return null;
        }
        return p.get(0).getPinyinWithoutTone() + ' ' + p.get(1).getPinyinWithoutTone();
    }
}
