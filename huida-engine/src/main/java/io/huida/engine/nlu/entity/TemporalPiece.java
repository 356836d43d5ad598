package io.huida.engine.nlu.entity;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A date, date range, time or part of day found in a message, before adjacent pieces are combined
 * ({@code 明天} + {@code 下午三点}).
 *
 * @param start  span start in the message
 * @param end    span end in the message
 * @param from   first day, or null for a time without a date
 * @param to     last day (equal to {@code from} for one day), or null
 * @param time   the time, or the start of a part of day, or null
 * @param timeTo the end of a part of day, or null for a point in time
 */
record TemporalPiece(int start, int end, LocalDate from, LocalDate to, LocalTime time, LocalTime timeTo) {

    static TemporalPiece day(int start, int end, LocalDate day) {
        return new TemporalPiece(start, end, day, day, null, null);
    }

    static TemporalPiece range(int start, int end, LocalDate from, LocalDate to) {
        return new TemporalPiece(start, end, from, to, null, null);
    }

    static TemporalPiece time(int start, int end, LocalTime time) {
        return new TemporalPiece(start, end, null, null, time, null);
    }

    static TemporalPiece part(int start, int end, LocalTime from, LocalTime to) {
        return new TemporalPiece(start, end, null, null, from, to);
    }

    boolean isSingleDay() {
        return from != null && from.equals(to) && time == null;
    }

    boolean isTimeOnly() {
        return from == null;
    }

    /** Returns this single day with the time (or part of day) of {@code t}, spanning both. */
    TemporalPiece with(TemporalPiece t) {
        return new TemporalPiece(Math.min(start, t.start), Math.max(end, t.end), from, to, t.time, t.timeTo);
    }
}
