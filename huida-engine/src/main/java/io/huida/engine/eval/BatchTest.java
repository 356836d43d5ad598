package io.huida.engine.eval;

import io.huida.engine.bot.Bot;
import io.huida.engine.bot.BotReply;
import io.huida.engine.bot.BotRequest;
import io.huida.engine.bot.ReplyType;
import io.huida.engine.kb.RowError;
import io.huida.engine.kb.FaqFileException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a set of queries with expected FAQs through a {@link Bot} and reports how well it answers:
 * the same logic behind the REST endpoint, the admin page and the command line.
 */
public final class BatchTest {

    /** Most queries in one batch test. */
    public static final int MAX_CASES = 20_000;

    /** Parses a CSV with header {@code query,expected_id} (an optional {@code style} column is kept). */
    public static List<BatchCase> parse(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<RowError> errors = new ArrayList<>();
        List<BatchCase> cases = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            Map<String, Integer> header = new LinkedHashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
            if (!header.containsKey("query") || !header.containsKey("expected_id")) {
                throw new FaqFileException(List.of(new RowError(1, null,
                        "header must contain query and expected_id, got " + header.keySet())));
            }
            for (CSVRecord r : parser) {
                int row = (int) r.getRecordNumber() + 1;
                if (r.size() < header.size()) {
                    errors.add(new RowError(row, null, "has " + r.size() + " fields, the header has " + header.size()));
                    continue;
                }
                String query = r.get(header.get("query")).strip();
                if (query.isEmpty()) {
                    errors.add(new RowError(row, "query", "query is empty"));
                    continue;
                }
                if (query.length() > BotRequest.MAX_TEXT_LENGTH) {
                    errors.add(new RowError(row, "query", "query has " + query.length() + " characters, more than "
                            + BotRequest.MAX_TEXT_LENGTH));
                    continue;
                }
                String expected = r.get(header.get("expected_id")).strip();
                String style = header.containsKey("style") ? r.get(header.get("style")).strip() : null;
                cases.add(new BatchCase(row, query, expected.isEmpty() || expected.equalsIgnoreCase("NONE") ? null : expected,
                        style == null || style.isEmpty() ? null : style));
                if (cases.size() > MAX_CASES) {
                    errors.add(new RowError(row, null, "more than " + MAX_CASES + " queries"));
                    break;
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            errors.add(new RowError(0, null, "malformed CSV: " + e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new FaqFileException(errors.subList(0, Math.min(100, errors.size())));
        }
        if (cases.isEmpty()) {
            throw new FaqFileException(List.of(new RowError(1, null, "the file holds no query")));
        }
        return cases;
    }

    /** Runs {@code cases} against {@code bot} on channel {@code api}. */
    public static BatchReport run(Bot bot, List<BatchCase> cases) {
        Objects.requireNonNull(bot, "bot");
        int inScope = 0;
        int right = 0;
        int clarify = 0;
        int clarifyHit = 0;
        int wrong = 0;
        int outOfScope = 0;
        int noneAnswered = 0;
        Map<String, int[]> styles = new LinkedHashMap<>();
        List<BatchReport.Miss> misses = new ArrayList<>();
        Instant now = Instant.now();
        for (BatchCase c : cases) {
            BotReply reply = bot.reply(new BotRequest(c.query(), "api", null, now));
            boolean ok;
            if (c.inScope()) {
                inScope++;
                ok = reply.type() == ReplyType.ANSWER && c.expectedId().equals(reply.faqId());
                if (ok) {
                    right++;
                } else if (reply.type() == ReplyType.ANSWER) {
                    wrong++;
                } else if (reply.type() == ReplyType.CLARIFY) {
                    clarify++;
                    if (reply.candidates().stream().anyMatch(ch -> ch.faqId().equals(c.expectedId()))) {
                        clarifyHit++;
                    }
                }
            } else {
                outOfScope++;
                ok = reply.type() != ReplyType.ANSWER;
                if (!ok) {
                    noneAnswered++;
                }
            }
            if (c.style() != null) {
                int[] counts = styles.computeIfAbsent(c.style(), k -> new int[2]);
                counts[0] += ok ? 1 : 0;
                counts[1]++;
            }
            if (!ok) {
                String firstId = reply.faqId() != null ? reply.faqId()
                        : reply.candidates().isEmpty() ? null : reply.candidates().get(0).faqId();
                String firstQuestion = reply.candidates().isEmpty() ? null : reply.candidates().get(0).question();
                misses.add(new BatchReport.Miss(c.row(), c.query(), c.expectedId(), reply.type().name(), firstId,
                        firstQuestion, reply.confidence()));
            }
        }
        java.util.Set<String> unknown = new java.util.TreeSet<>();
        for (BatchCase c : cases) {
            if (c.inScope() && bot.index().faq(c.expectedId()) == null) {
                unknown.add(c.expectedId());
            }
        }
        Map<String, Double> byStyle = new LinkedHashMap<>();
        styles.forEach((k, v) -> byStyle.put(k, ratio(v[0], v[1])));
        return new BatchReport(cases.size(), inScope, outOfScope, ratio(right, inScope), ratio(clarify, inScope),
                ratio(clarifyHit, inScope), ratio(wrong, inScope), ratio(noneAnswered, outOfScope),
                outOfScope == 0 ? 0 : 1 - ratio(noneAnswered, outOfScope), byStyle, misses, List.copyOf(unknown));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : Math.round(10000.0 * a / b) / 10000.0;
    }
}
