package io.huida.engine.nlu.match;

import io.huida.engine.text.Language;

import java.util.Objects;
import java.util.Set;

/**
 * A customer question made ready for pair matching: its normalised text, sentence vector and the lexical
 * keys {@link EvidenceExtractor} compares. Prepare knowledge-base questions once and reuse them. The arrays
 * are shared, not copied: treat them as read-only.
 *
 * @param normalized the text after {@link io.huida.engine.text.TextNormalizer}
 * @param language   the vector space of {@code vector}
 * @param vector     unit-length sentence vector of {@code normalized}
 * @param chars      the code points of {@code normalized} without whitespace, in order
 * @param bigrams    adjacent character pairs of {@code chars}
 * @param pinyin     toneless pinyin syllable pairs of the Chinese characters
 * @param numbers    the runs of digits, e.g. {@code 3} and {@code 500} in "3天还500"
 * @param negated    whether the question negates (不, 没, 无, 未) outside an "A不A" question form such as 能不能
 */
public record PreparedQuestion(String normalized, Language language, float[] vector, int[] chars,
                               Set<String> bigrams, Set<String> pinyin, Set<String> numbers, boolean negated) {

    /** Validates the parts and copies the collections. */
    public PreparedQuestion {
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(chars, "chars");
        bigrams = Set.copyOf(bigrams);
        pinyin = Set.copyOf(pinyin);
        numbers = Set.copyOf(numbers);
    }
}
