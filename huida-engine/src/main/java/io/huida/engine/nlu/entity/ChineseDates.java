package io.huida.engine.nlu.entity;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Chinese dates and date ranges: 2026年11月3日, 23年3月, 11月3号, 今年3月份, 3号, 今天, 明晚,
 * 上周五, 下周, 周末, 下个月, 去年, 三天后, 2026-11-03, 98年 (a two-digit year not read as a duration: 用了20年
 * is not a year), 月初/月中/月底 (days 1–10, 11–20, 21 to the end), 年初/年底 (January, December),
 * 上半年/下半年 (January–June, July–December). See {@link DateTimeExtractor} for the rules.
 */
final class ChineseDates {

    private static final String DAY_CN = "3[01]|[12]\\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九十]";
    private static final String MONTH_CN = "1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]";
    private static final String NOT_AFTER_DAY = "(?!双|码|楼|线|门|店|院|口|机|房|床|位|车|窗|台|桌|柜|仓|厅|馆|元|本|子|内|以内|之内|无|期|志|记|文|报|程|左右)";
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?<![0-9零〇一二三四五六七八九十])(?:(\\d{4}|\\d{2}|[零〇一二三四五六七八九]{4}|[零〇一二三四五六七八九]{2})年|(今年|去年|明年|前年|后年))?"
                    + "(?<![0-9零〇一二三四五六七八九十])(" + MONTH_CN + ")月(份)?(?:(" + DAY_CN + ")(?:日|号)|(?![0-9]))");
    private static final Pattern SHORT_YEAR = Pattern.compile(
            "(?<![0-9了过有近这几快满用第每隔整好])(\\d{2})年(?![0-9零一二三四五六七八九十]|多|前|后|以来|之久|左右|内|以上|以下|了|半|期|级|代|度|头|底|初|间)");
    private static final Pattern YEAR_PART = Pattern.compile(
            "(?:(今年|去年|明年)|(?<![0-9])(\\d{4})年|(?<![0-9零一二三四五六七八九十今去明前]))年?(初|底|末|上半年|下半年)");
    private static final Pattern MONTH_PART = Pattern.compile("(?<![0-9零一二三四五六七八九十个上下这本])月(初|中|底|末)");
    private static final Pattern NUMERIC = Pattern.compile("(?<![0-9.])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:日|号)?(?![0-9.])");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(\\d{4})年(?![0-9零一二三四五六七八九十])|今年|去年|明年|前年");
    private static final Pattern DAY = Pattern.compile(
            "(?<![0-9月零一二三四五六七八九十第编路街道巷弄村栋楼号/.大小了个证-])(" + DAY_CN + ")(?:日|号)" + NOT_AFTER_DAY);
    private static final Pattern RELATIVE_DAY = Pattern.compile("大前天|前天|昨天|昨日|昨晚|今天|今日|今儿|今早|今晚|明天|明日|明儿|明早|明晚|大后天|后天");
    private static final Pattern WEEKDAY = Pattern.compile("(上上|上|下下|下|这|本)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])");
    private static final Pattern PAST_AFTER = Pattern.compile("[了的过已没]|下单|签收|收到|到现在|至今|一直");
    /** 了 after 要/快/马上 speaks of the future: 周二我要出国了. */
    private static final Pattern FUTURE_LE = Pattern.compile("(?:要|快|马上|将|该)[^了的，,。!?！？]{0,3}了");
    private static final Pattern PAST_BEFORE = Pattern.compile("已经|上次|那天|当时|记得|刚|是在|从");
    private static final Pattern WEEK = Pattern.compile("(上上|上|下下|下|这|本)个?(?:周|星期|礼拜)(末)?(?![一二三四五六日天1-7])|(?<![0-9一二三四五六七八九十])周末");
    private static final Pattern MONTH = Pattern.compile("(上上|上|下|这|本)个?月(?:(" + DAY_CN + ")(?:日|号)|(初|中|底|末))?(?!份?[0-9])");
    private static final Pattern OFFSET = Pattern.compile(
            "(?<![0-9零一二两三四五六七八九十])(\\d{1,3}|[一二两三四五六七八九十]{1,3})(天|日|个星期|个礼拜|个?周|个月)(以后|之后|后|以前|之前|前)");

    private ChineseDates() {
    }

    static void find(String s, LocalDate today, List<TemporalPiece> out) {
        Matcher m = ABSOLUTE.matcher(s);
        while (s.indexOf('月') >= 0 && m.find()) {
            int year = year(m.group(1), m.group(2), today);
            int month = ChineseNumbers.parse(m.group(3)).intValue();
            if (year < 0) {
                continue;
            }
            try {
                if (m.group(5) != null) {
                    LocalDate day = LocalDate.of(year, month, ChineseNumbers.parse(m.group(5)).intValue());
                    if (m.group(1) == null && m.group(2) == null && day.isBefore(today) && coming(s, m.start(), m.end())) {
                        day = day.plusYears(1);
                    }
                    out.add(TemporalPiece.day(m.start(), m.end(), day));
                } else {
                    YearMonth ym = YearMonth.of(year, month);
                    out.add(TemporalPiece.range(m.start(), m.end(), ym.atDay(1), ym.atEndOfMonth()));
                }
            } catch (DateTimeException | NullPointerException e) {
                // not a calendar date (2月30号): not a date
            }
        }
        m = NUMERIC.matcher(s);
        while (hasDigit(s) && m.find()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                out.add(TemporalPiece.day(m.start(), m.end(), d));
            } catch (DateTimeException e) {
                // 2026-13-45 is not a date
            }
        }
        m = YEAR.matcher(s);
        while (s.indexOf('年') >= 0 && m.find()) {
            int year = m.group(1) != null ? Integer.parseInt(m.group(1)) : year(null, m.group(), today);
            if (year >= 1900 && year <= 2100) {
                out.add(TemporalPiece.range(m.start(), m.end(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
        }
        m = SHORT_YEAR.matcher(s);
        while (s.indexOf('年') >= 0 && m.find()) {
            int year = year(m.group(1), null, today);
            out.add(TemporalPiece.range(m.start(), m.end(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        }
        m = DAY.matcher(s);
        while ((s.indexOf('号') >= 0 || s.indexOf('日') >= 0) && m.find()) {
            BigDecimal day = ChineseNumbers.parse(m.group(1));
            if (day == null || day.intValue() < 1) {
                continue;
            }
            YearMonth month = YearMonth.from(today);
            if (day.intValue() < today.getDayOfMonth() && coming(s, m.start(), m.end())) {
                month = month.plusMonths(1);
            }
            if (day.intValue() <= month.lengthOfMonth()) {
                out.add(TemporalPiece.day(m.start(), m.end(), month.atDay(day.intValue())));
            }
        }
        relative(s, today, out);
    }

    private static void relative(String s, LocalDate today, List<TemporalPiece> out) {
        Matcher m = RELATIVE_DAY.matcher(s);
        while (m.find()) {
            String w = m.group();
            int offset = switch (w.substring(0, 1)) {
                case "今" -> 0;
                case "明" -> 1;
                case "昨" -> -1;
                case "后" -> 2;
                default -> w.equals("前天") ? -2 : w.equals("大前天") ? -3 : 3;
            };
            TemporalPiece day = TemporalPiece.day(m.start(), m.end(), today.plusDays(offset));
            char last = w.charAt(w.length() - 1);
            out.add(last == '晚' ? day.with(TemporalPiece.part(m.start(), m.end(), LocalTime.of(18, 0), LocalTime.of(23, 59)))
                    : last == '早' ? day.with(TemporalPiece.part(m.start(), m.end(), LocalTime.of(6, 0), LocalTime.of(12, 0))) : day);
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        m = WEEKDAY.matcher(s);
        while (m.find()) {
            LocalDate weekMonday = monday.plusWeeks(weeks(m.group(1)));
            LocalDate day = weekMonday.plusDays(weekday(m.group(2).charAt(0)) - 1L);
            boolean thisWeek = m.group(1) == null || m.group(1).equals("这") || m.group(1).equals("本");
            if (thisWeek && day.isBefore(today) && coming(s, m.start(), m.end())) {
                day = day.plusWeeks(1);
            }
            out.add(TemporalPiece.day(m.start(), m.end(), day));
        }
        m = WEEK.matcher(s);
        while (m.find()) {
            LocalDate weekMonday = monday.plusWeeks(weeks(m.group(1)));
            boolean weekend = m.group(2) != null || m.group().endsWith("末");
            out.add(weekend ? TemporalPiece.range(m.start(), m.end(), weekMonday.plusDays(5), weekMonday.plusDays(6))
                    : TemporalPiece.range(m.start(), m.end(), weekMonday, weekMonday.plusDays(6)));
        }
        m = MONTH.matcher(s);
        while (s.indexOf('月') >= 0 && m.find()) {
            String w = m.group(1);
            int months = w.equals("上上") ? -2 : w.equals("上") ? -1 : w.equals("下") ? 1 : 0;
            YearMonth ym = YearMonth.from(today).plusMonths(months);
            if (m.group(3) != null) {
                out.add(monthPart(m.start(), m.end(), ym, m.group(3)));
            } else if (m.group(2) == null) {
                out.add(TemporalPiece.range(m.start(), m.end(), ym.atDay(1), ym.atEndOfMonth()));
            } else {
                int day = ChineseNumbers.parse(m.group(2)).intValue();
                if (day >= 1 && day <= ym.lengthOfMonth()) {
                    out.add(TemporalPiece.day(m.start(), m.end(), ym.atDay(day)));
                }
            }
        }
        m = MONTH_PART.matcher(s);
        while (s.indexOf('月') >= 0 && m.find()) {
            out.add(monthPart(m.start(), m.end(), YearMonth.from(today), m.group(1)));
        }
        m = YEAR_PART.matcher(s);
        while (s.indexOf('年') >= 0 && m.find()) {
            int year = m.group(2) != null ? Integer.parseInt(m.group(2)) : year(null, m.group(1), today);
            String part = m.group(3);
            if (part.length() == 1 && m.group().indexOf('年') < 0) {
                continue;
            }
            int first = part.equals("初") || part.equals("上半年") ? 1 : part.equals("下半年") ? 7 : 12;
            int last = part.equals("初") ? 1 : part.equals("上半年") ? 6 : 12;
            out.add(TemporalPiece.range(m.start(), m.end(), LocalDate.of(year, first, 1), YearMonth.of(year, last).atEndOfMonth()));
        }
        m = OFFSET.matcher(s);
        while ((s.indexOf('前') >= 0 || s.indexOf('后') >= 0) && m.find()) {
            BigDecimal n = ChineseNumbers.parse(m.group(1));
            if (n == null) {
                continue;
            }
            int sign = m.group(3).endsWith("后") ? 1 : -1;
            String unit = m.group(2);
            LocalDate d = unit.equals("个月") ? today.plusMonths((long) sign * n.intValue())
                    : unit.endsWith("天") || unit.equals("日") ? today.plusDays((long) sign * n.intValue()) : today.plusWeeks((long) sign * n.intValue());
            out.add(TemporalPiece.day(m.start(), m.end(), d));
        }
    }

    /**
     * True when a weekday, day of the month or month and day that has already passed is meant as its coming
     * occurrence: no past cue follows it (了, 的, 过, 没, 下单, 到现在 …) or precedes it (已经, 上次, 当时 …).
     * 周五能送到吗 asked on Sunday is next Friday, 周五下的单 last Friday; 3号能到吗 asked on the 22nd is the
     * 3rd of next month; 3月8号有活动吗 asked in November is next year's.
     */
    private static boolean coming(String s, int start, int end) {
        String after = FUTURE_LE.matcher(s.substring(end, Math.min(s.length(), end + 8))).replaceAll("");
        return !PAST_AFTER.matcher(after).find()
                && !PAST_BEFORE.matcher(s.substring(Math.max(0, start - 6), start)).find();
    }

    /** 月初 is days 1–10, 月中 days 11–20, 月底/月末 day 21 to the end of the month. */
    private static TemporalPiece monthPart(int start, int end, YearMonth ym, String part) {
        return switch (part) {
            case "初" -> TemporalPiece.range(start, end, ym.atDay(1), ym.atDay(10));
            case "中" -> TemporalPiece.range(start, end, ym.atDay(11), ym.atDay(20));
            default -> TemporalPiece.range(start, end, ym.atDay(21), ym.atEndOfMonth());
        };
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static int weeks(String w) {
        if (w == null) {
            return 0;
        }
        return switch (w) {
            case "上上" -> -2;
            case "上" -> -1;
            case "下" -> 1;
            case "下下" -> 2;
            default -> 0;
        };
    }

    private static int weekday(char c) {
        return c == '日' || c == '天' ? 7 : c >= '1' && c <= '7' ? c - '0' : ChineseNumbers.digit(c);
    }

    /**
     * Returns the year of an explicit year ({@code 2023}, {@code 二零二三}, 2-digit {@code 23}) or a relative
     * one (今年, 去年 …), or the reference year when both are null; -1 when not a year.
     * Two-digit years are 20yy when that is at most ten years after the reference year, else 19yy
     * (with a reference year of 2026: 00–36 → 2000–2036, 37–99 → 1937–1999).
     */
    static int year(String explicit, String relative, LocalDate today) {
        if (explicit != null) {
            int y = ChineseNumbers.parseYearDigits(explicit);
            if (y < 0) {
                return -1;
            }
            if (explicit.length() == 2) {
                y = 2000 + y <= today.getYear() + 10 ? 2000 + y : 1900 + y;
            }
            return y;
        }
        if (relative != null) {
            return today.getYear() + switch (relative) {
                case "去年" -> -1;
                case "明年" -> 1;
                case "前年" -> -2;
                case "后年" -> 2;
                default -> 0;
            };
        }
        return today.getYear();
    }
}
