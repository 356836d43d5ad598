package io.huida.engine.nlu.entity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds dates, times and date ranges in Chinese and English, absolute or relative, and resolves them
 * against the reference time in the configured zone.
 *
 * <p>Values are ISO 8601: a day as {@code 2026-11-23}; a point in time as {@code 2026-11-23T15:00+08:00}
 * (a time without a date is on the reference day); a range as an ISO interval {@code start/end}, inclusive
 * days for months, weeks and years ({@code 今年3月份} → {@code 2026-03-01/2026-03-31}, {@code 下周} →
 * Monday to Sunday) and times for parts of a day ({@code 明天下午} →
 * {@code 2026-11-23T12:00+08:00/2026-11-23T18:00+08:00}). Offsets in hours or minutes (两个小时后, in 30 minutes)
 * are the reference time plus the offset.
 *
 * <p>Resolution rules: weeks run Monday to Sunday. A Chinese weekday without 上/下 (周五, 这周五) is that day
 * of the current week, a day of the month alone (3号) is in the reference month and a month and day without
 * a year (11月3号) in the reference year, except that one which has already passed is its coming occurrence
 * unless a past cue (了, 的, 过, 没, 下单, 已经 …) is next to it: 周五能送到吗 asked on Sunday is next Friday,
 * 周五下的单 last Friday, 3号能到吗 asked on the 22nd the 3rd of next month. An English weekday (Friday, this
 * Friday) is the next such day including today, or the last one when a past-tense verb precedes it ("it
 * arrived on Monday"); "next Friday" and 下周五 are the Friday of next week, "last Friday" and 上周五 of the
 * previous week. Two-digit years (23年3月) are 20yy up to ten years after the reference year, else 19yy
 * (99年 → 1999). In "X点到Y点" the second time takes the first one's day and half of the day (晚上8点到9点 →
 * 21:00).
 * Hour rules are documented on {@link Times}.
 */
public final class DateTimeExtractor implements EntityExtractor {

    /** The name of this extractor. */
    public static final String NAME = Entity.DATETIME;

    private static final DateTimeFormatter POINT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX");
    private static final Set<String> DATE_THEN_TIME = Set.of("", " ", "的", ",", ", ", " at ", " around ", " by ", "，");
    private static final Set<String> RANGE = Set.of("到", "至", "-", "~", "—", " to ", " - ", "～");
    private static final Set<String> TIME_THEN_DATE = Set.of(" ", " on ", ", ");

    private final ZoneId zone;

    /** Creates an extractor resolving dates in the zone of {@code config}. */
    public DateTimeExtractor(EntityConfig config) {
        this.zone = Objects.requireNonNull(config, "config").zone();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Entity> extract(String text, ExtractionContext ctx) {
        String folded = TextFold.fold(text);
        LocalDateTime now = ctx.referenceTime().withZoneSameInstant(zone).toLocalDateTime();
        LocalDate today = now.toLocalDate();
        List<TemporalPiece> all = new ArrayList<>();
        ChineseDates.find(folded, today, all);
        EnglishDates.find(folded, today, all);
        Festivals.find(folded, today, all);
        TimeOffsets.find(folded, now, all);
        Times.find(folded, all);
        List<TemporalPiece> pieces = merge(folded, longestFirst(all));
        List<Entity> out = new ArrayList<>(pieces.size());
        for (TemporalPiece p : pieces) {
            String value = value(p, today);
            if (value != null) {
                out.add(new Entity(NAME, value, text.substring(p.start(), p.end()), p.start(), p.end()));
            }
        }
        return out;
    }

    private static List<TemporalPiece> longestFirst(List<TemporalPiece> all) {
        all.sort(Comparator.comparingInt((TemporalPiece p) -> p.start() - p.end()).thenComparingInt(TemporalPiece::start));
        List<TemporalPiece> kept = new ArrayList<>();
        for (TemporalPiece p : all) {
            if (kept.stream().noneMatch(k -> k.start() < p.end() && p.start() < k.end())) {
                kept.add(p);
            }
        }
        kept.sort(Comparator.comparingInt(TemporalPiece::start));
        return kept;
    }

    private static List<TemporalPiece> merge(String s, List<TemporalPiece> pieces) {
        List<TemporalPiece> out = new ArrayList<>();
        for (TemporalPiece q : pieces) {
            if (!out.isEmpty()) {
                TemporalPiece p = out.get(out.size() - 1);
                String gap = s.substring(p.end(), q.start()).toLowerCase(Locale.ROOT);
                TemporalPiece joined = join(p, q, gap);
                if (joined != null) {
                    out.set(out.size() - 1, joined);
                    continue;
                }
                if (p.time() != null && p.timeTo() == null && q.isTimeOnly() && q.timeTo() == null && RANGE.contains(gap)) {
                    q = new TemporalPiece(q.start(), q.end(), p.from(), p.to(), untilTime(p.time(), q.time()), null);
                }
            }
            out.add(q);
        }
        return out;
    }

    /** Returns {@code p} and {@code q} as one piece (明天 + 下午三点, 3pm + tomorrow), or null. */
    private static TemporalPiece join(TemporalPiece p, TemporalPiece q, String gap) {
        if (p.isSingleDay() && q.isTimeOnly() && DATE_THEN_TIME.contains(gap)) {
            return p.with(q);
        }
        if (p.from() != null && p.from().equals(p.to()) && p.timeTo() != null && q.isTimeOnly() && q.timeTo() == null && gap.isEmpty()) {
            return new TemporalPiece(p.start(), q.end(), p.from(), p.to(), inPart(q.time(), p.time()), null);
        }
        if (p.isTimeOnly() && p.timeTo() == null && q.isSingleDay() && TIME_THEN_DATE.contains(gap)) {
            return q.with(p);
        }
        return null;
    }

    /** The hour of {@code time} within a part of day starting at {@code partStart} (明早8点, 今晚9点). */
    private static LocalTime inPart(LocalTime time, LocalTime partStart) {
        if (partStart.getHour() >= 12 && time.getHour() < 12) {
            return time.plusHours(12);
        }
        if (partStart.getHour() < 12 && time.getHour() > 12) {
            return time.minusHours(12);
        }
        return time;
    }

    /** The end of a range of times: in the same half of the day as its start when that makes it later. */
    private static LocalTime untilTime(LocalTime from, LocalTime until) {
        if (from.getHour() >= 12 && until.getHour() < 12 && until.getHour() + 12 > from.getHour()) {
            return until.plusHours(12);
        }
        return until;
    }

    private String value(TemporalPiece p, LocalDate today) {
        if (p.from() == null) {
            return p.timeTo() == null ? point(today, p.time()) : null;
        }
        if (p.time() == null) {
            return p.from().equals(p.to()) ? p.from().toString() : p.from() + "/" + p.to();
        }
        return p.timeTo() == null ? point(p.from(), p.time()) : point(p.from(), p.time()) + "/" + point(p.from(), p.timeTo());
    }

    private String point(LocalDate day, LocalTime time) {
        return POINT.format(day.atTime(time).atZone(zone));
    }
}
