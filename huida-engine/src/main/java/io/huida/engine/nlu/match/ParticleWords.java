package io.huida.engine.nlu.match;

import io.huida.engine.text.Language;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words of a question corpus that end in a character which is also a sentence-final particle, such as
 * 花呗 and 借呗 (呗 is a particle in "试试呗"). The normaliser drops a trailing particle, which turns
 * "怎么开通花呗" into "怎么开通花"; these words are restored. A two-character word qualifies when it occurs
 * inside (not at the end of) at least {@code minTexts} texts of the corpus, where it cannot be a particle.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ParticleWords {

    /** The particles the normaliser strips at the end of a question. */
    static final String PARTICLES = "啊呀吧嘛哈呗咧呢哇";

    private final Set<String> words;

    private ParticleWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** No words: normalisation is left as it is. */
    public static ParticleWords none() {
        return new ParticleWords(Set.of());
    }

    /** The given words, each two characters ending in a particle. */
    public static ParticleWords of(Collection<String> words) {
        for (String w : words) {
            if (w.length() != 2 || PARTICLES.indexOf(w.charAt(1)) < 0) {
                throw new IllegalArgumentException("a particle word has two characters and ends in one of "
                        + PARTICLES + ", got '" + w + "'");
            }
        }
        return new ParticleWords(new HashSet<>(words));
    }

    /**
     * Finds the words in raw {@code texts}: a Chinese character followed by a particle and then by another
     * Chinese character, in at least {@code minTexts} texts.
     */
    public static ParticleWords fit(Collection<String> texts, int minTexts) {
        if (minTexts < 1) {
            throw new IllegalArgumentException("minTexts must be at least 1, got " + minTexts);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            Set<String> seen = new HashSet<>();
            for (int i = 1; i + 1 < text.length(); i++) {
                if (PARTICLES.indexOf(text.charAt(i)) >= 0 && Language.isCjk(text.charAt(i - 1))
                        && PARTICLES.indexOf(text.charAt(i - 1)) < 0 && Language.isCjk(text.charAt(i + 1))) {
                    seen.add(text.substring(i - 1, i + 1));
                }
            }
            seen.forEach(w -> counts.merge(w, 1, Integer::sum));
        }
        Set<String> words = new HashSet<>();
        counts.forEach((w, n) -> {
            if (n >= minTexts) {
                words.add(w);
            }
        });
        return new ParticleWords(words);
    }

    /** The words, sorted. */
    public List<String> words() {
        return words.stream().sorted().toList();
    }

    /**
     * Returns {@code normalized} with the final particle put back when {@code raw} ends in one of the words
     * (ignoring trailing punctuation and spaces) and normalisation cut it off.
     */
    public String restore(String raw, String normalized) {
        int end = raw.length();
        while (end > 0 && !Character.isLetterOrDigit(raw.charAt(end - 1))) {
            end--;
        }
        if (end < 2 || normalized.isEmpty()) {
            return normalized;
        }
        String word = raw.substring(end - 2, end);
        if (words.contains(word) && !normalized.endsWith(word) && normalized.endsWith(word.substring(0, 1))) {
            return normalized + word.charAt(1);
        }
        return normalized;
    }
}
