package io.huida.engine.nlu.entity;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds times relative to the reference time in hours or minutes: 两个小时后, 半小时后, 30分钟以后,
 * in 2 hours, 45 minutes later. The value is the reference time plus the offset, to the minute.
 */
final class TimeOffsets {

    private static final Pattern CHINESE = Pattern.compile(
            "(?<![0-9零一二两三四五六七八九十])(\\d{1,3}|[一二两三四五六七八九十]{1,3}|半)个?(小时|钟头|分钟)(?:以后|之后|后)");
    private static final Pattern ENGLISH = Pattern.compile(
            "(?<![a-z])(?:in (\\d{1,3}|an?|one|two|three|half an) (hours?|minutes?|mins?)"
                    + "|(\\d{1,3}|an?|one|two|three) (hours?|minutes?|mins?) (?:later|from now))(?![a-z])",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> WORDS = Map.of("a", 1, "an", 1, "one", 1, "two", 2, "three", 3);

    private TimeOffsets() {
    }

    static void find(String s, LocalDateTime now, List<TemporalPiece> out) {
        Matcher m = CHINESE.matcher(s);
        while ((s.indexOf('后') >= 0) && m.find()) {
            boolean half = m.group(1).equals("半");
            BigDecimal n = half ? BigDecimal.ONE : ChineseNumbers.parse(m.group(1));
            if (n == null) {
                continue;
            }
            long minutes = m.group(2).equals("分钟") ? n.longValue() : half ? 30 : n.longValue() * 60;
            add(m.start(), m.end(), now.plusMinutes(minutes), out);
        }
        m = ENGLISH.matcher(s);
        while (m.find()) {
            String count = (m.group(1) != null ? m.group(1) : m.group(3)).toLowerCase(Locale.ROOT);
            String unit = (m.group(1) != null ? m.group(2) : m.group(4)).toLowerCase(Locale.ROOT);
            long minutes;
            if (count.equals("half an")) {
                minutes = 30;
            } else {
                long n = count.chars().allMatch(Character::isDigit) ? Long.parseLong(count) : WORDS.get(count);
                minutes = unit.startsWith("h") ? n * 60 : n;
            }
            add(m.start(), m.end(), now.plusMinutes(minutes), out);
        }
    }

    private static void add(int start, int end, LocalDateTime at, List<TemporalPiece> out) {
        LocalDateTime t = at.truncatedTo(ChronoUnit.MINUTES);
        out.add(new TemporalPiece(start, end, t.toLocalDate(), t.toLocalDate(), t.toLocalTime(), null));
    }
}
