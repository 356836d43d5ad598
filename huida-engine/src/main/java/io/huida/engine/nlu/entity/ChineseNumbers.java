package io.huida.engine.nlu.entity;

import java.math.BigDecimal;

/**
 * Parses numbers written with Arabic digits, Chinese numerals or both: {@code 1,299.00}, {@code 三百},
 * {@code 两千五} (2500), {@code 一万二} (12000), {@code 一百二} (120), {@code 1.2万}, {@code 3万5},
 * {@code 十一}, {@code 一千零五}, financial numerals ({@code 叁佰}) and, for years only, digit sequences
 * ({@code 二零二三}).
 */
final class ChineseNumbers {

    /** A regex fragment matching Chinese numeral characters (after traditional-to-simplified folding). */
    static final String HAN_DIGITS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟";

    /** A regex fragment for a number: Arabic (grouping commas, decimals), optionally followed by Chinese units, or Chinese numerals. */
    static final String NUMBER = "(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:[十百千万亿][0-9零一二两三四五六七八九十百千万]*)?"
            + "|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+)";

    /**
     * A regex fragment for where a number may start: not inside a word or a number, and not after a digit and a
     * comma when it starts with a digit ({@code 1,299} is one number; {@code 20，三块五} holds two).
     */
    static final String START = "(?<![0-9A-Za-z.])(?!(?<=[0-9],)[0-9])";

    private ChineseNumbers() {
    }

    /** Returns the value of a numeral character (0–9), or -1. */
    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一', '壹' -> 1;
            case '二', '两', '贰' -> 2;
            case '三', '叁' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> c >= '0' && c <= '9' ? c - '0' : -1;
        };
    }

    private static long unit(char c) {
        return switch (c) {
            case '十', '拾' -> 10;
            case '百', '佰' -> 100;
            case '千', '仟' -> 1000;
            case '万' -> 10_000;
            case '亿' -> 100_000_000;
            default -> -1;
        };
    }

    /**
     * Returns the value of {@code s}, or null when it is not a well-formed number. Digit sequences
     * without units ({@code 二三}) are rejected: they are ranges (两三件) or years, see {@link #parseYearDigits}.
     */
    static BigDecimal parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal section = BigDecimal.ZERO;
        BigDecimal number = null;
        long lastUnit = 0;
        boolean afterUnit = false;
        boolean sawUnit = false;
        int hanDigits = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ',' || s.charAt(j) == '.')) {
                    j++;
                }
                if (number != null) {
                    return null;
                }
                try {
                    number = new BigDecimal(s.substring(i, j).replace(",", ""));
                } catch (NumberFormatException e) {
                    return null;
                }
                i = j;
                continue;
            }
            int d = digit(c);
            long u = unit(c);
            if (d >= 0) {
                if (number != null && d != 0) {
                    if (sawUnit) {
                        return null;
                    }
                    hanDigits++;
                    number = number.multiply(BigDecimal.TEN).add(BigDecimal.valueOf(d));
                } else if (d == 0) {
                    afterUnit = false;
                    if (number == null) {
                        hanDigits++;
                    } else {
                        hanDigits++;
                        number = number.multiply(BigDecimal.TEN);
                    }
                } else {
                    hanDigits++;
                    number = BigDecimal.valueOf(d);
                }
                if (d != 0 && hanDigits > 1 && !sawUnit) {
                    return null;
                }
            } else if (u > 0) {
                sawUnit = true;
                BigDecimal n = number == null ? (u == 10 ? BigDecimal.ONE : null) : number;
                if (u >= 10_000) {
                    BigDecimal part = section.add(n == null ? BigDecimal.ZERO : n);
                    if (part.signum() == 0 && total.signum() == 0) {
                        return null;
                    }
                    total = total.add(part).multiply(BigDecimal.valueOf(u));
                    section = BigDecimal.ZERO;
                } else {
                    if (n == null) {
                        return null;
                    }
                    section = section.add(n.multiply(BigDecimal.valueOf(u)));
                }
                number = null;
                lastUnit = u;
                afterUnit = true;
                hanDigits = 0;
            } else {
                return null;
            }
            i++;
        }
        if (number != null && afterUnit && lastUnit >= 100) {
            number = number.multiply(BigDecimal.valueOf(lastUnit / 10)); // 一百二 = 120, 两千五 = 2500, 一万二 = 12000
        }
        BigDecimal value = total.add(section).add(number == null ? BigDecimal.ZERO : number);
        if (!sawUnit && number == null) {
            return null;
        }
        return value;
    }

    /** Returns a year written digit by digit ({@code 二零二三}, {@code 2023}, {@code 二三}), or -1. */
    static int parseYearDigits(String s) {
        if (s.length() != 2 && s.length() != 4) {
            return -1;
        }
        int year = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = digit(s.charAt(i));
            if (d < 0 || unit(s.charAt(i)) > 0) {
                return -1;
            }
            year = year * 10 + d;
        }
        return year;
    }

    /** Returns {@code value} as a plain string without trailing zeros ({@code 12000}, {@code 3.5}). */
    static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }
}
