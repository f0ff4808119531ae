package io.tessera.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * Turns a wall-clock time on a date into the real instant an opening or closing happens, the one place
 * where daylight saving time is decided:
 * <ul>
 * <li>a time that happens twice (autumn, 02:30 in Berlin) is its <em>first</em> occurrence, as in
 *     {@link ZonedDateTime#of}: "open from 02:00 to 03:00" on that night then spans both 02:00s, two real
 *     hours;</li>
 * <li>a time that does not exist (spring, 02:30 in Berlin) is the instant the clocks jump, when the wall
 *     clock first reads that time or later. {@code ZonedDateTime.of} would move it to 03:30 instead, which
 *     would shorten an interval starting at 02:30 by half an hour and could put it after a 03:15 on the
 *     same day. With the jump instant, times keep their order and "01:00–03:00" is one real hour.</li>
 * </ul>
 */
final class WallClock {

    private WallClock() {
    }

    /** The instant the wall clock in {@code zone} first reads {@code time} (or later) on {@code date}. */
    static Instant instant(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = date.atTime(time);
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }

    /** Where an interval of {@code date} ends: {@code to}, or the start of the next day for 24:00. */
    static Instant end(LocalDate date, OpeningInterval interval, ZoneId zone) {
        return interval.endsAtMidnight()
                ? instant(date.plusDays(1), LocalTime.MIDNIGHT, zone)
                : instant(date, interval.to(), zone);
    }
}
