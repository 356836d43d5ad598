package io.huida.engine.nlu.entity;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English dates and date ranges: today, tomorrow, tonight, next Monday, last Friday, this week,
 * next month, Nov 3, 3rd November 2026, in March, in 3 days, 2 weeks ago. Matching is case-insensitive.
 */
final class EnglishDates {

    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final Pattern RELATIVE = Pattern.compile(
            "(?<![a-z])(the day after tomorrow|the day before yesterday|today|tonight|tomorrow|yesterday"
                    + "|this (?:morning|afternoon|evening))(?![a-z])", I);
    private static final Pattern WEEKDAY = Pattern.compile("(?<![a-z])(?:(next|last|this|coming) )?(" + DAYS + ")(?![a-z])", I);
    private static final Pattern PERIOD = Pattern.compile("(?<![a-z])(next|last|this) (week|month|year|weekend)(?![a-z])", I);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![a-z])(" + MONTHS + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?(?![0-9a-z:])", I);
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![0-9a-z])(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(" + MONTHS + ")(?:,? (\\d{4}))?(?![a-z])", I);
    private static final Pattern MONTH_ONLY = Pattern.compile(
            "(?<![a-z])(?:(?:in|since|during|until|by) (" + MONTHS + ")(?![a-z.]| \\d)|(" + MONTHS + ") (\\d{4}))(?![0-9a-z])", I);
    private static final Pattern OFFSET = Pattern.compile(
            "(?<![a-z])(?:in (\\d{1,3}|a|one|two|three|four|five|six|seven) (days?|weeks?|months?)"
                    + "|(\\d{1,3}|a|one|two|three|four|five|six|seven) (days?|weeks?|months?) (ago|later|from now))(?![a-z])", I);
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    private static final Set<String> PAST = Set.of("was", "were", "did", "came", "got", "bought", "paid",
            "sent", "made", "had", "took", "gave", "left", "broke", "went", "saw", "told");
    private static final Map<String, Integer> WORDS = Map.of("a", 1, "one", 1, "two", 2, "three", 3, "four", 4,
            "five", 5, "six", 6, "seven", 7);

    private EnglishDates() {
    }

    static void find(String s, LocalDate today, List<TemporalPiece> out) {
        if (!hasLetters(s)) {
            return;
        }
        Matcher m = RELATIVE.matcher(s);
        while (m.find()) {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            TemporalPiece day = TemporalPiece.day(m.start(), m.end(), today.plusDays(switch (w) {
                case "tomorrow" -> 1;
                case "yesterday" -> -1;
                case "the day after tomorrow" -> 2;
                case "the day before yesterday" -> -2;
                default -> 0;
            }));
            if (w.equals("tonight")) {
                day = day.with(TemporalPiece.part(m.start(), m.end(), LocalTime.of(18, 0), LocalTime.of(23, 59)));
            } else if (w.startsWith("this ")) {
                day = day.with(Times.englishPart(m.start(), m.end(), w.substring(5)));
            }
            out.add(day);
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        m = WEEKDAY.matcher(s);
        while (m.find()) {
            DayOfWeek dow = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            String rel = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
            LocalDate d = switch (rel) {
                case "next" -> monday.plusWeeks(1).plusDays(dow.getValue() - 1L);
                case "last" -> monday.minusWeeks(1).plusDays(dow.getValue() - 1L);
                default -> rel.isEmpty() && pastTense(s, m.start()) ? today.with(TemporalAdjusters.previousOrSame(dow))
                        : today.with(TemporalAdjusters.nextOrSame(dow));
            };
            out.add(TemporalPiece.day(m.start(), m.end(), d));
        }
        m = PERIOD.matcher(s);
        while (m.find()) {
            String rel = m.group(1).toLowerCase(Locale.ROOT);
            int k = rel.equals("next") ? 1 : rel.equals("last") ? -1 : 0;
            switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "week" -> out.add(TemporalPiece.range(m.start(), m.end(), monday.plusWeeks(k), monday.plusWeeks(k).plusDays(6)));
                case "weekend" -> out.add(TemporalPiece.range(m.start(), m.end(), monday.plusWeeks(k).plusDays(5), monday.plusWeeks(k).plusDays(6)));
                case "month" -> {
                    YearMonth ym = YearMonth.from(today).plusMonths(k);
                    out.add(TemporalPiece.range(m.start(), m.end(), ym.atDay(1), ym.atEndOfMonth()));
                }
                default -> out.add(TemporalPiece.range(m.start(), m.end(), LocalDate.of(today.getYear() + k, 1, 1), LocalDate.of(today.getYear() + k, 12, 31)));
            }
        }
        dates(MONTH_DAY.matcher(s), 1, 2, 3, today, out);
        dates(DAY_MONTH.matcher(s), 2, 1, 3, today, out);
        m = MONTH_ONLY.matcher(s);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : today.getYear();
            YearMonth ym = YearMonth.of(year, month(name));
            int start = m.group(1) != null ? m.start(1) : m.start();
            out.add(TemporalPiece.range(start, m.end(), ym.atDay(1), ym.atEndOfMonth()));
        }
        m = OFFSET.matcher(s);
        while (m.find()) {
            boolean after = m.group(3) != null;
            boolean ago = after && m.group(5).equalsIgnoreCase("ago");
            String n = after ? m.group(3) : m.group(1);
            String unit = (after ? m.group(4) : m.group(2)).toLowerCase(Locale.ROOT);
            int k = (n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : WORDS.get(n.toLowerCase(Locale.ROOT))) * (ago ? -1 : 1);
            LocalDate d = unit.startsWith("day") ? today.plusDays(k) : unit.startsWith("week") ? today.plusWeeks(k) : today.plusMonths(k);
            out.add(TemporalPiece.day(m.start(), m.end(), d));
        }
    }

    private static void dates(Matcher m, int monthGroup, int dayGroup, int yearGroup, LocalDate today, List<TemporalPiece> out) {
        while (m.find()) {
            int year = m.group(yearGroup) != null ? Integer.parseInt(m.group(yearGroup)) : today.getYear();
            try {
                LocalDate d = LocalDate.of(year, month(m.group(monthGroup)), Integer.parseInt(m.group(dayGroup)));
                out.add(TemporalPiece.day(m.start(), m.end(), d));
            } catch (DateTimeException e) {
                // Feb 30 is not a date
            }
        }
    }

    /** True when one of the (up to four) words before {@code end} is a past-tense verb: "it arrived on Monday". */
    private static boolean pastTense(String s, int end) {
        Matcher words = WORD.matcher(s.substring(Math.max(0, end - 40), end));
        List<String> found = new ArrayList<>();
        while (words.find()) {
            found.add(words.group().toLowerCase(Locale.ROOT));
        }
        for (String w : found.subList(Math.max(0, found.size() - 4), found.size())) {
            if (PAST.contains(w) || w.length() > 3 && w.endsWith("ed") && !w.equals("need")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] all = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < all.length; i++) {
            if (n.startsWith(all[i])) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }
}
