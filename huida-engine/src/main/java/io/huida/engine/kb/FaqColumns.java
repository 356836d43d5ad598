package io.huida.engine.kb;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of FAQ files and the mapping between a row of cell texts and a {@link Faq}. The first five
 * columns are required; the others are optional on import and always written on export.
 */
final class FaqColumns {

    static final String ID = "id";
    static final String CATEGORY = "category";
    static final String QUESTION = "question";
    static final String SIMILAR = "similar_questions";
    static final String ANSWER = "answer";
    static final String VARIANTS = "variants";
    static final String VALID_FROM = "valid_from";
    static final String VALID_UNTIL = "valid_until";
    static final String ENABLED = "enabled";

    static final List<String> REQUIRED = List.of(ID, CATEGORY, QUESTION, SIMILAR, ANSWER);
    static final List<String> ALL = List.of(ID, CATEGORY, QUESTION, SIMILAR, ANSWER, VARIANTS, VALID_FROM, VALID_UNTIL, ENABLED);
    static final String SIMILAR_SEPARATOR = "||";
    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "是");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "否");

    private FaqColumns() {
    }

    /** Checks a header row; returns the errors (empty when fine). */
    static List<RowError> checkHeader(List<String> header, int row) {
        List<RowError> errors = new ArrayList<>();
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                errors.add(new RowError(row, required, "required column '" + required + "' is missing; header is " + header));
            }
        }
        for (String h : header) {
            if (!ALL.contains(h)) {
                errors.add(new RowError(row, h, "unknown column '" + h + "'; known columns are " + ALL));
            }
        }
        return errors;
    }

    /** Maps one row to a FAQ, or adds errors and returns null. */
    static Faq toFaq(Map<String, String> cells, int row, List<RowError> errors) {
        int before = errors.size();
        String id = cell(cells, ID);
        if (id.isEmpty()) {
            errors.add(new RowError(row, ID, "id is empty"));
        }
        String question = cell(cells, QUESTION);
        if (question.isEmpty()) {
            errors.add(new RowError(row, QUESTION, "question is empty"));
        }
        String answer = cell(cells, ANSWER);
        if (answer.isEmpty()) {
            errors.add(new RowError(row, ANSWER, "answer is empty"));
        }
        List<String> similar = splitSimilar(cell(cells, SIMILAR));
        List<AnswerVariant> variants = List.of();
        String variantsText = cell(cells, VARIANTS);
        if (!variantsText.isEmpty()) {
            try {
                variants = JSON.readValue(variantsText, new TypeReference<List<AnswerVariant>>() { });
            } catch (RuntimeException e) {
                errors.add(new RowError(row, VARIANTS, "variants must be a JSON array of {channel, segment, answer}: "
                        + rootMessage(e)));
            }
        }
        Instant from = instant(cells, VALID_FROM, row, errors);
        Instant until = instant(cells, VALID_UNTIL, row, errors);
        boolean enabled = true;
        String enabledText = cell(cells, ENABLED).toLowerCase(Locale.ROOT);
        if (!enabledText.isEmpty()) {
            if (TRUE.contains(enabledText)) {
                enabled = true;
            } else if (FALSE.contains(enabledText)) {
                enabled = false;
            } else {
                errors.add(new RowError(row, ENABLED, "enabled must be true or false, got '" + enabledText + "'"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        try {
            return new Faq(id, cell(cells, CATEGORY), question, similar, answer, variants, from, until, enabled);
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row, columnOf(e.getMessage()), e.getMessage()));
            return null;
        }
    }

    /** The cells of one FAQ, in {@link #ALL} order, as written on export. */
    static Map<String, String> toCells(Faq faq) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(ID, faq.id());
        cells.put(CATEGORY, faq.category());
        cells.put(QUESTION, faq.question());
        cells.put(SIMILAR, String.join(SIMILAR_SEPARATOR, faq.similarQuestions()));
        cells.put(ANSWER, faq.answer());
        cells.put(VARIANTS, faq.variants().isEmpty() ? "" : JSON.writeValueAsString(faq.variants()));
        cells.put(VALID_FROM, faq.validFrom() == null ? "" : faq.validFrom().toString());
        cells.put(VALID_UNTIL, faq.validUntil() == null ? "" : faq.validUntil().toString());
        cells.put(ENABLED, Boolean.toString(faq.enabled()));
        return cells;
    }

    static List<String> splitSimilar(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\|\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Instant instant(Map<String, String> cells, String column, int row, List<RowError> errors) {
        String text = cell(cells, column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(row, column, column + " must be a date (2026-01-31) or an ISO instant, got '" + text + "'"));
            return null;
        }
    }

    private static String cell(Map<String, String> cells, String column) {
        String v = cells.get(column);
        return v == null ? "" : v.strip();
    }

    private static String columnOf(String message) {
        for (String c : List.of(SIMILAR, QUESTION, ANSWER, VALID_UNTIL, VALID_FROM, VARIANTS, ID)) {
            String word = c.equals(SIMILAR) ? "similar question" : c;
            if (message != null && message.contains(word)) {
                return c;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
