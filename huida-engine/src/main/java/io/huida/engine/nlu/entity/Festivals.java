package io.huida.engine.nlu.entity;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds festivals on fixed Gregorian dates: 元旦, 情人节, 五一劳动节, 六一儿童节, 国庆, 双十一, 双十二, 平安夜, 圣诞,
 * Christmas. Without 今年/去年/明年 a festival is its occurrence nearest to the reference day (元旦 asked in
 * November is next year's, 双十一 asked on November 22 is this year's). Lunar festivals (春节, 中秋) are not
 * recognised.
 */
final class Festivals {

    private static final Pattern FESTIVAL = Pattern.compile(
            "(今年|去年|明年)?(双十一|双11|双十二|双12|元旦|情人节|妇女节|三八节|劳动节|五一劳动节|五一节|五一(?=假期|期间|放假|小长假)"
                    + "|儿童节|六一儿童节|国庆节|国庆|平安夜|圣诞节|圣诞)(?![0-9])"
                    + "|(?<![a-z])(christmas eve|christmas day|christmas|new year's day|valentine's day)(?![a-z])",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, MonthDay> DAYS = Map.ofEntries(
            Map.entry("双十一", MonthDay.of(11, 11)), Map.entry("双11", MonthDay.of(11, 11)),
            Map.entry("双十二", MonthDay.of(12, 12)), Map.entry("双12", MonthDay.of(12, 12)),
            Map.entry("元旦", MonthDay.of(1, 1)), Map.entry("new year's day", MonthDay.of(1, 1)),
            Map.entry("情人节", MonthDay.of(2, 14)), Map.entry("valentine's day", MonthDay.of(2, 14)),
            Map.entry("妇女节", MonthDay.of(3, 8)), Map.entry("三八节", MonthDay.of(3, 8)),
            Map.entry("劳动节", MonthDay.of(5, 1)), Map.entry("五一劳动节", MonthDay.of(5, 1)), Map.entry("五一节", MonthDay.of(5, 1)),
            Map.entry("五一", MonthDay.of(5, 1)), Map.entry("儿童节", MonthDay.of(6, 1)), Map.entry("六一儿童节", MonthDay.of(6, 1)),
            Map.entry("国庆节", MonthDay.of(10, 1)), Map.entry("国庆", MonthDay.of(10, 1)),
            Map.entry("平安夜", MonthDay.of(12, 24)), Map.entry("christmas eve", MonthDay.of(12, 24)),
            Map.entry("圣诞节", MonthDay.of(12, 25)), Map.entry("圣诞", MonthDay.of(12, 25)),
            Map.entry("christmas", MonthDay.of(12, 25)), Map.entry("christmas day", MonthDay.of(12, 25)));

    private Festivals() {
    }

    static void find(String s, LocalDate today, List<TemporalPiece> out) {
        Matcher m = FESTIVAL.matcher(s);
        while (m.find()) {
            String name = (m.group(2) != null ? m.group(2) : m.group(3)).toLowerCase(Locale.ROOT);
            MonthDay day = DAYS.get(name);
            LocalDate date = m.group(1) != null ? day.atYear(ChineseDates.year(null, m.group(1), today)) : nearest(day, today);
            out.add(TemporalPiece.day(m.start(), m.end(), date));
        }
    }

    private static LocalDate nearest(MonthDay day, LocalDate today) {
        LocalDate best = null;
        for (int y = today.getYear() - 1; y <= today.getYear() + 1; y++) {
            LocalDate d = day.atYear(y);
            if (best == null || Math.abs(ChronoUnit.DAYS.between(today, d)) < Math.abs(ChronoUnit.DAYS.between(today, best))) {
                best = d;
            }
        }
        return best;
    }
}
