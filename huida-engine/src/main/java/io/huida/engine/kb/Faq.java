package io.huida.engine.kb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One FAQ entry of a knowledge base: a standard question, its similar questions, the answer and optional
 * answer variants by channel and customer segment, a validity window and an enabled flag.
 *
 * @param id          stable id, e.g. {@code F001}: letters, digits, {@code _ - .}, at most 64 characters
 * @param validFrom   first instant the FAQ may be answered, or null
 * @param validUntil  instant from which it may no longer be answered, or null
 */
public record Faq(String id, String category, String question, List<String> similarQuestions, String answer,
                  List<AnswerVariant> variants, Instant validFrom, Instant validUntil, boolean enabled) {

    /** Longest question or similar question accepted. */
    public static final int MAX_QUESTION_LENGTH = 500;
    /** Longest answer accepted. */
    public static final int MAX_ANSWER_LENGTH = 10_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    public Faq {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("FAQ id '" + id + "' must be 1-64 letters, digits, '_', '-' or '.'");
        }
        category = category == null ? "" : category.strip();
        question = requireText(question, "question", id, MAX_QUESTION_LENGTH);
        answer = requireText(answer, "answer", id, MAX_ANSWER_LENGTH);
        List<String> similar = new ArrayList<>();
        for (String s : similarQuestions == null ? List.<String>of() : similarQuestions) {
            if (s != null && !s.isBlank()) {
                similar.add(requireText(s, "similar question", id, MAX_QUESTION_LENGTH));
            }
        }
        similarQuestions = List.copyOf(similar);
        variants = variants == null ? List.of() : List.copyOf(variants);
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("FAQ " + id + ": valid_until " + validUntil + " is not after valid_from " + validFrom);
        }
    }

    /** A plain enabled FAQ without variants or validity window. */
    public static Faq of(String id, String category, String question, List<String> similarQuestions, String answer) {
        return new Faq(id, category, question, similarQuestions, answer, List.of(), null, null, true);
    }

    /** The standard question followed by the similar questions. */
    public List<String> allQuestions() {
        List<String> all = new ArrayList<>(1 + similarQuestions.size());
        all.add(question);
        all.addAll(similarQuestions);
        return all;
    }

    /** True when enabled and {@code now} lies inside the validity window. */
    public boolean isActive(Instant now) {
        return enabled && (validFrom == null || !now.isBefore(validFrom)) && (validUntil == null || now.isBefore(validUntil));
    }

    /** The answer for a channel and segment: the most specific matching variant, else the default answer. */
    public String answerFor(String channel, String segment) {
        AnswerVariant best = null;
        int bestScore = 0;
        for (AnswerVariant v : variants) {
            int score = v.specificity(channel, segment);
            if (score > bestScore) {
                best = v;
                bestScore = score;
            }
        }
        return best == null ? answer : best.answer();
    }

    private static String requireText(String value, String field, String id, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("FAQ " + id + ": " + field + " is empty");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException("FAQ " + id + ": " + field + " has " + v.length() + " characters, more than " + max);
        }
        return v;
    }
}
