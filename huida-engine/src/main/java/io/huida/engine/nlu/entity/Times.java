package io.huida.engine.nlu.entity;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds times of day and parts of day: 下午三点, 三點半, 15:30, 9点45分, 3pm, 10:30 am, 下午, morning.
 *
 * <p>Hours: 下午/傍晚/晚上 and pm add twelve hours below 12; 中午1点 is 13:00; an hour from 1 to 6
 * without any marker is taken as afternoon (customer service hours: 3点 → 15:00). Parts of day are
 * ranges: 凌晨/半夜 00:00–06:00, 早上/早晨/上午/morning 06:00–12:00, 中午/noon 11:00–13:00,
 * 下午/afternoon 12:00–18:00, 傍晚 17:00–19:00, 晚上/夜里/evening/night 18:00–23:59.
 */
final class Times {

    private static final String PARTS = "凌晨|半夜|早上|早晨|上午|中午|下午|傍晚|晚上|夜里";
    private static final String HOUR_CN = "[01]?\\d|2[0-4]|[一二三四五六七八九十两]|十[一二]|二十[一二三四]?";
    private static final Pattern CLOCK = Pattern.compile(
            "(" + PARTS + ")?(?<![0-9零一二两三四五六七八九十第])(" + HOUR_CN + ")(?:点|时)(?:(半)|(一刻|三刻)|([0-5]?\\d|[一二三四五]?十[一二三四五六七八九]?|[零]?[一二三四五六七八九])分?)?(钟)?");
    private static final Pattern COLON = Pattern.compile(
            "(" + PARTS + ")?(?<![0-9:])([01]?\\d|2[0-3]):([0-5]\\d)(?::[0-5]\\d)?(?![0-9:])(?: ?([ap])\\.?m\\.?(?![a-z]))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AMPM = Pattern.compile("(?<![0-9:a-z])(1[0-2]|0?[1-9]) ?([ap])\\.?m\\.?(?![a-z])", Pattern.CASE_INSENSITIVE);
    private static final Pattern PART = Pattern.compile("(" + PARTS + ")|(?<![a-z])(?:in the )?(morning|afternoon|evening|night|noon)(?![a-z])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FOLLOW_UP = Pattern.compile("钟|前|后|以前|之前|以后|之后|左右|到|半|整");
    private static final Pattern NOT_TIME = Pattern.compile("要求|建议|意见|问题|原因|不满|需要|疑问");
    private static final String SOFTENERS = "快慢多少大小好便宜贵早晚有一些再轻重近远低高长短";

    private Times() {
    }

    static void find(String s, List<TemporalPiece> out) {
        Matcher m = CLOCK.matcher(s);
        while (m.find()) {
            String part = m.group(1);
            String hourText = m.group(2);
            BigDecimal hour = ChineseNumbers.parse(hourText);
            if (hour == null || hour.intValue() > 24) {
                continue;
            }
            boolean bare = part == null && m.group(3) == null && m.group(4) == null && m.group(5) == null && m.group(6) == null;
            if (bare && !hourText.matches("\\d+") && (hourText.equals("一") || hourText.equals("两"))
                    && !(m.end() < s.length() && FOLLOW_UP.matcher(s).region(m.end(), s.length()).lookingAt())) {
                continue;
            }
            if (bare && NOT_TIME.matcher(s).region(m.end(), s.length()).lookingAt()) {
                continue;
            }
            if (part == null && m.start() > 0 && SOFTENERS.indexOf(s.charAt(m.start() - 1)) >= 0 && !hourText.matches("\\d+")) {
                continue;
            }
            int minute = m.group(3) != null ? 30 : m.group(4) != null ? (m.group(4).equals("一刻") ? 15 : 45)
                    : m.group(5) != null ? minute(m.group(5)) : 0;
            if (minute < 0 || minute > 59) {
                continue;
            }
            LocalTime t = time(part, hour.intValue(), minute, null, hourText.startsWith("0"));
            if (t != null) {
                out.add(TemporalPiece.time(m.start(), m.end(), t));
            }
        }
        m = COLON.matcher(s);
        while (m.find()) {
            LocalTime t = time(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4), m.group(2).startsWith("0"));
            if (t != null) {
                out.add(TemporalPiece.time(m.start(), m.end(), t));
            }
        }
        m = AMPM.matcher(s);
        while (m.find()) {
            LocalTime t = time(null, Integer.parseInt(m.group(1)), 0, m.group(2), false);
            if (t != null) {
                out.add(TemporalPiece.time(m.start(), m.end(), t));
            }
        }
        m = PART.matcher(s);
        while (m.find()) {
            out.add(m.group(1) != null ? chinesePart(m.start(), m.end(), m.group(1)) : englishPart(m.start(), m.end(), m.group(2)));
        }
    }

    private static int minute(String text) {
        BigDecimal v = ChineseNumbers.parse(text.startsWith("零") ? text.substring(1) : text);
        return v == null ? -1 : v.intValue();
    }

    private static LocalTime time(String part, int hour, int minute, String ampm, boolean leadingZero) {
        int h = hour;
        if (ampm != null) {
            boolean pm = ampm.equalsIgnoreCase("p");
            h = hour == 12 ? (pm ? 12 : 0) : pm ? hour + 12 : hour;
        } else if (part != null) {
            switch (part) {
                case "下午", "傍晚", "晚上", "夜里" -> h = hour < 12 ? hour + 12 : hour;
                case "中午" -> h = hour <= 2 ? hour + 12 : hour;
                case "凌晨", "半夜" -> h = hour == 12 ? 0 : hour;
                default -> h = hour;
            }
        } else if (hour >= 1 && hour <= 6 && !leadingZero) {
            h = hour + 12;
        }
        if (h == 24) {
            h = 0;
        }
        return h >= 0 && h <= 23 ? LocalTime.of(h, minute) : null;
    }

    static TemporalPiece chinesePart(int start, int end, String part) {
        return switch (part) {
            case "凌晨", "半夜" -> TemporalPiece.part(start, end, LocalTime.of(0, 0), LocalTime.of(6, 0));
            case "早上", "早晨", "上午" -> TemporalPiece.part(start, end, LocalTime.of(6, 0), LocalTime.of(12, 0));
            case "中午" -> TemporalPiece.part(start, end, LocalTime.of(11, 0), LocalTime.of(13, 0));
            case "下午" -> TemporalPiece.part(start, end, LocalTime.of(12, 0), LocalTime.of(18, 0));
            case "傍晚" -> TemporalPiece.part(start, end, LocalTime.of(17, 0), LocalTime.of(19, 0));
            default -> TemporalPiece.part(start, end, LocalTime.of(18, 0), LocalTime.of(23, 59));
        };
    }

    static TemporalPiece englishPart(int start, int end, String part) {
        return switch (part.toLowerCase(Locale.ROOT)) {
            case "morning" -> chinesePart(start, end, "上午");
            case "noon" -> chinesePart(start, end, "中午");
            case "afternoon" -> chinesePart(start, end, "下午");
            default -> chinesePart(start, end, "晚上");
        };
    }
}
