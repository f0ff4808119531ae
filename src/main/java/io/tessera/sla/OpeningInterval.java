package io.tessera.sla;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One stretch of opening hours within a day, {@code from} inclusive, {@code to} exclusive, in wall-clock
 * time of the calendar's zone. {@link LocalTime} cannot say 24:00, so a {@code to} of 00:00 means "until
 * midnight at the end of the day": an interval can never end at the midnight it starts after, so the
 * reading is unambiguous (00:00–00:00 is the whole day). Intervals do not cross midnight; a night shift
 * 22:00–06:00 is 22:00–24:00 on one day and 00:00–06:00 on the next.
 */
public record OpeningInterval(LocalTime from, LocalTime to) implements Comparable<OpeningInterval> {

    /** Written as the end of an interval, means midnight at the end of the day. */
    public static final LocalTime END_OF_DAY = LocalTime.MIDNIGHT;

    private static final int MINUTES_PER_DAY = 24 * 60;

    public OpeningInterval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        // the parameters, not the accessors: fields are not assigned yet in a compact constructor
        if (!to.equals(END_OF_DAY) && !to.isAfter(from)) {
            throw new IllegalArgumentException(to.equals(from)
                    ? "the interval " + describe(from, to) + " is empty"
                    : "the interval " + describe(from, to) + " ends before it starts; split an interval across midnight into two days");
        }
    }

    public static OpeningInterval of(LocalTime from, LocalTime to) {
        return new OpeningInterval(from, to);
    }

    public static OpeningInterval untilMidnight(LocalTime from) {
        return new OpeningInterval(from, END_OF_DAY);
    }

    /** Parses {@code "09:00-17:30"}; the end may be written {@code 24:00}. */
    public static OpeningInterval parse(String text) {
        String[] parts = text.trim().split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not an interval like 09:00-17:30");
        }
        try {
            LocalTime from = LocalTime.parse(parts[0]);
            LocalTime to = parts[1].equals("24:00") ? END_OF_DAY : LocalTime.parse(parts[1]);
            return new OpeningInterval(from, to);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an interval like 09:00-17:30", e);
        }
    }

    public boolean endsAtMidnight() {
        return to.equals(END_OF_DAY);
    }

    /** Whether the two share any time; intervals that only touch (09–12, 12–17) do not overlap. */
    public boolean overlaps(OpeningInterval other) {
        return from.toSecondOfDay() < other.endSecondOfDay() && other.from.toSecondOfDay() < endSecondOfDay();
    }

    private int endSecondOfDay() {
        return endsAtMidnight() ? MINUTES_PER_DAY * 60 : to.toSecondOfDay();
    }

    @Override
    public int compareTo(OpeningInterval other) {
        return from.compareTo(other.from);
    }

    /** As {@link #parse} reads it back: {@code 09:00-17:00}, {@code 22:00-24:00}. */
    public String text() {
        return from + "-" + (to.equals(END_OF_DAY) ? "24:00" : to.toString());
    }

    @Override
    public String toString() {
        return describe(from, to);
    }

    private static String describe(LocalTime from, LocalTime to) {
        return from + "–" + (to.equals(END_OF_DAY) ? "24:00" : to.toString());
    }
}
