package io.huida.engine.nlu.match;

import io.huida.engine.embed.Embedder;
import io.huida.engine.text.Language;
import io.huida.engine.text.PinyinKeys;
import io.huida.engine.text.TextNormalizer;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares customer questions (normalise, embed, lexical keys) and measures the {@link PairEvidence} that
 * two of them mean the same thing.
 *
 * <p>Instances are immutable and thread-safe when the embedder is.
 */
public final class EvidenceExtractor {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    /** "A不A" / "A没A" question forms (能不能, 是不是, 有没有) ask rather than negate. */
    private static final Pattern A_NOT_A = Pattern.compile("(\\p{IsHan})[不没]\\1");
    private static final Pattern NEGATION = Pattern.compile("[不没无未]");

    private final TextNormalizer normalizer;
    private final Embedder embedder;
    private final CharIdf idf;
    private final ParticleWords particleWords;

    /**
     * Creates an extractor.
     *
     * @param normalizer the normaliser applied before embedding and comparing
     * @param embedder   the sentence embedder (a caching one when many pairs share questions)
     * @param idf        character weights for the idf-weighted coverage
     * @param particleWords words such as 花呗 whose last character the normaliser must not strip as a particle
     */
    public EvidenceExtractor(TextNormalizer normalizer, Embedder embedder, CharIdf idf, ParticleWords particleWords) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.idf = Objects.requireNonNull(idf, "idf");
        this.particleWords = Objects.requireNonNull(particleWords, "particleWords");
    }

    /** Returns the normalised form of {@code raw}, as {@link #prepare} embeds it. */
    public String normalize(String raw) {
        Objects.requireNonNull(raw, "raw");
        return particleWords.restore(raw, normalizer.normalize(raw));
    }

    /** Normalises, embeds and analyses {@code raw}. */
    public PreparedQuestion prepare(String raw) {
        String normalized = normalize(raw);
        Language language = Language.of(normalized);
        int[] chars = normalized.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        Set<String> bigrams = new HashSet<>();
        for (int i = 0; i + 1 < chars.length; i++) {
            bigrams.add(new String(chars, i, 2));
        }
        Set<String> numbers = new LinkedHashSet<>();
        Matcher m = DIGITS.matcher(normalized);
        while (m.find()) {
            numbers.add(m.group());
        }
        boolean negated = NEGATION.matcher(A_NOT_A.matcher(normalized).replaceAll("")).find();
        return new PreparedQuestion(normalized, language, embedder.embed(normalized, language), chars, bigrams,
                new HashSet<>(PinyinKeys.of(normalized)), numbers, negated);
    }

    /** Measures the evidence that {@code a} and {@code b} mean the same thing; symmetric in its arguments. */
    public PairEvidence evidence(PreparedQuestion a, PreparedQuestion b) {
        double cosine = clamp(Embedder.cosine(vectorIn(a, b), vectorIn(b, a)));
        Set<Integer> charsA = set(a.chars());
        Set<Integer> charsB = set(b.chars());
        double charAB = coverage(charsA, charsB);
        double charBA = coverage(charsB, charsA);
        double bigramAB = coverage(a.bigrams(), b.bigrams());
        double bigramBA = coverage(b.bigrams(), a.bigrams());
        double idfAB = idfCoverage(charsA, charsB);
        double idfBA = idfCoverage(charsB, charsA);
        int longer = Math.max(a.chars().length, b.chars().length);
        int shorter = Math.min(a.chars().length, b.chars().length);
        double edit = longer == 0 ? 1 : 1 - (double) editDistance(a.chars(), b.chars()) / longer;
        double pinyin = Math.min(coverage(a.pinyin(), b.pinyin()), coverage(b.pinyin(), a.pinyin()));
        double lengthRatio = longer == 0 ? 1 : (double) shorter / longer;
        double numberMismatch = a.numbers().equals(b.numbers()) ? 0 : 1;
        double negationMismatch = a.negated() == b.negated() ? 0 : 1;
        return new PairEvidence(cosine, Math.min(charAB, charBA), Math.max(charAB, charBA),
                Math.min(bigramAB, bigramBA), Math.max(bigramAB, bigramBA), Math.min(idfAB, idfBA),
                Math.max(idfAB, idfBA), edit, pinyin, lengthRatio, numberMismatch, negationMismatch);
    }

    /** The vector of {@code q} in the space of {@code other}: Chinese wins when the two languages differ. */
    private float[] vectorIn(PreparedQuestion q, PreparedQuestion other) {
        if (q.language() == other.language() || q.language() == Language.ZH) {
            return q.vector();
        }
        return embedder.embed(q.normalized(), Language.ZH);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static Set<Integer> set(int[] chars) {
        Set<Integer> out = new HashSet<>();
        for (int c : chars) {
            out.add(c);
        }
        return out;
    }

    /** Share of {@code from} found in {@code in}; 1 when both are empty, 0 when only {@code from} is not. */
    private static <T> double coverage(Set<T> from, Set<T> in) {
        if (from.isEmpty()) {
            return in.isEmpty() ? 1 : 0;
        }
        int found = 0;
        for (T t : from) {
            if (in.contains(t)) {
                found++;
            }
        }
        return (double) found / from.size();
    }

    private double idfCoverage(Set<Integer> from, Set<Integer> in) {
        if (from.isEmpty()) {
            return in.isEmpty() ? 1 : 0;
        }
        double found = 0;
        double total = 0;
        for (int c : from) {
            double w = idf.idf(c);
            total += w;
            if (in.contains(c)) {
                found += w;
            }
        }
        return found / total;
    }

    /** Levenshtein distance between two code-point sequences. */
    static int editDistance(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
