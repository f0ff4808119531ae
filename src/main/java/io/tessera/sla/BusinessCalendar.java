package io.tessera.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a team is at work: weekly opening hours per day of the week, in a time zone, minus holidays (whole
 * days, in that zone). SLA targets "in business time" are measured on it; {@link #always()} is the
 * calendar for targets in calendar time.
 *
 * <p>Every operation works on {@link Instant}s and converts to the calendar's zone day by day (see
 * {@link WallClock} for what daylight saving time does to an interval). Opening intervals are half-open:
 * at 09:00 of 09:00–17:00 the calendar is open, at 17:00 it is closed. The arithmetic walks day by day
 * over the real open spans, so a closed day costs one step and a year-long span about 365 steps, never a
 * step per minute.
 */
public record BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> weeklyHours,
        Set<LocalDate> holidays) {

    private static final BusinessCalendar ALWAYS = builder("24/7", ZoneOffset.UTC).everyDay("00:00-24:00").build();

    /**
     * Checks the hours and takes immutable copies, intervals sorted by start. Refuses overlapping intervals
     * on a day, and a calendar without any opening hours: no deadline could ever be reached on it, and the
     * day-by-day walk below relies on open time coming round every week (holidays are finite).
     */
    public BusinessCalendar {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a business calendar needs a name");
        }
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<OpeningInterval>> sortedHours = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<DayOfWeek, List<OpeningInterval>> day : weeklyHours.entrySet()) {
            List<OpeningInterval> intervals = new ArrayList<>(day.getValue());
            intervals.sort(null);
            for (int i = 1; i < intervals.size(); i++) {
                if (intervals.get(i - 1).overlaps(intervals.get(i))) {
                    throw new InvalidBusinessHoursException(name, day.getKey(),
                            intervals.get(i - 1) + " overlaps " + intervals.get(i));
                }
            }
            if (!intervals.isEmpty()) {
                sortedHours.put(day.getKey(), List.copyOf(intervals));
            }
        }
        if (sortedHours.isEmpty()) {
            throw new InvalidBusinessHoursException(name, "no opening hours on any day of the week");
        }
        weeklyHours = Collections.unmodifiableMap(sortedHours);
        holidays = Set.copyOf(holidays);
    }

    public static Builder builder(String name, ZoneId zone) {
        return new Builder(name, zone);
    }

    /** Open all the time, no holidays: business time is calendar time. */
    public static BusinessCalendar always() {
        return ALWAYS;
    }

    /** The intervals of {@code day}, sorted; empty when closed all day. */
    public List<OpeningInterval> hours(DayOfWeek day) {
        return weeklyHours.getOrDefault(day, List.of());
    }

    public boolean isOpen(Instant instant) {
        for (Span span : openSpans(dateOf(instant))) {
            if (span.contains(instant)) {
                return true;
            }
        }
        return false;
    }

    /** {@code instant} itself when open, otherwise the start of the next open span. */
    public Instant nextOpening(Instant instant) {
        // terminates: the constructor guarantees opening hours in every week, and holidays are finite
        for (LocalDate day = dateOf(instant); ; day = day.plusDays(1)) {
            for (Span span : openSpans(day)) {
                if (span.end.isAfter(instant)) {
                    return latest(span.start, instant);
                }
            }
        }
    }

    /**
     * The deadline: the earliest instant by which {@code amount} of open time has passed since {@code start}.
     * It can be a closing time (Friday 16:00 + 1 h on 09–17 is Friday 17:00, not Monday 09:00). A zero amount
     * is {@code start} itself, even when closed, as in Zendesk: "due at once" has already begun.
     */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a business-time amount cannot be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        // terminates: see nextOpening
        for (LocalDate day = dateOf(start); ; day = day.plusDays(1)) {
            for (Span span : openSpans(day)) {
                if (!span.end.isAfter(start)) {
                    continue;
                }
                Instant from = latest(span.start, start);
                Duration available = Duration.between(from, span.end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /** Open time between the two instants; zero when {@code to} is not after {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate last = dateOf(to);
        for (LocalDate day = dateOf(from); !day.isAfter(last); day = day.plusDays(1)) {
            for (Span span : openSpans(day)) {
                Instant start = latest(span.start, from);
                Instant end = span.end.isBefore(to) ? span.end : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * The real open spans of one date, in order. A span that DST empties (02:00–03:00 on the night the
     * clocks jump from 02:00 to 03:00) is left out; spans never overlap because {@link WallClock} keeps
     * times in order.
     */
    private List<Span> openSpans(LocalDate date) {
        List<OpeningInterval> intervals = hours(date.getDayOfWeek());
        if (intervals.isEmpty() || holidays.contains(date)) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(intervals.size());
        for (OpeningInterval interval : intervals) {
            Instant start = WallClock.instant(date, interval.from(), zone);
            Instant end = WallClock.end(date, interval, zone);
            if (end.isAfter(start)) {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Span(Instant start, Instant end) {
        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    /** Collects hours and holidays; {@link #build()} checks them. */
    public static final class Builder {

        private final String name;
        private final ZoneId zone;
        private final Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> holidays = new TreeSet<>();

        private Builder(String name, ZoneId zone) {
            this.name = name;
            this.zone = zone;
        }

        public Builder open(DayOfWeek day, OpeningInterval interval) {
            hours.computeIfAbsent(day, d -> new ArrayList<>()).add(interval);
            return this;
        }

        /** Adds intervals written {@code "09:00-12:00"} (end may be {@code 24:00}) to one day. */
        public Builder open(DayOfWeek day, String... intervals) {
            for (String interval : intervals) {
                try {
                    open(day, OpeningInterval.parse(interval));
                } catch (IllegalArgumentException e) {
                    throw new InvalidBusinessHoursException(name, day, e.getMessage());
                }
            }
            return this;
        }

        public Builder open(DayOfWeek day, LocalTime from, LocalTime to) {
            try {
                return open(day, OpeningInterval.of(from, to));
            } catch (IllegalArgumentException e) {
                throw new InvalidBusinessHoursException(name, day, e.getMessage());
            }
        }

        /** The same intervals Monday to Friday. */
        public Builder weekdays(String... intervals) {
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                open(day, intervals);
            }
            return this;
        }

        /** The same intervals on all seven days. */
        public Builder everyDay(String... intervals) {
            for (DayOfWeek day : DayOfWeek.values()) {
                open(day, intervals);
            }
            return this;
        }

        public Builder holiday(LocalDate date) {
            holidays.add(Objects.requireNonNull(date, "holiday"));
            return this;
        }

        public Builder holidays(Collection<LocalDate> dates) {
            dates.forEach(this::holiday);
            return this;
        }

        public BusinessCalendar build() {
            return new BusinessCalendar(name, zone, hours, holidays);
        }
    }
}
