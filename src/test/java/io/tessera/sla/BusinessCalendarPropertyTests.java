package io.tessera.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over a few hundred seeded random starts and amounts, on calendars with lunch breaks,
 * holidays, night shifts across DST transitions and zones far from UTC:
 * <ul>
 * <li>{@code businessTimeBetween(s, plusBusinessTime(s, d)) == d}, and the deadline is the earliest such
 *     instant;</li>
 * <li>both agree with a deliberately naive oracle that steps minute by minute and asks the wall clock
 *     whether it is within an interval (boundaries here avoid the inside of repeated hours, where
 *     "first occurrence" and the wall clock legitimately differ);</li>
 * <li>{@code businessTimeBetween} is additive, and {@code nextOpening} is open and costs no business time.</li>
 * </ul>
 */
class BusinessCalendarPropertyTests {

    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MINUTES_IN_YEAR = 365L * 24 * 60;
    /** Transitions in the zones below, so a third of the starts land on a DST weekend. */
    private static final List<Instant> TRANSITIONS = Stream.of("2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z",
            "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2026-04-04T14:00:00Z", "2026-09-26T14:00:00Z")
            .map(Instant::parse).toList();

    static Stream<BusinessCalendar> calendars() {
        return Stream.of(
                BusinessCalendarTests.SUPPORT,
                BusinessCalendar.builder("Berlin nights", ZoneId.of("Europe/Berlin"))
                        .everyDay("00:00-06:00", "22:00-24:00").holiday(LocalDate.of(2026, 12, 24)).build(),
                BusinessCalendar.builder("New York", ZoneId.of("America/New_York"))
                        .weekdays("08:00-12:00", "12:30-20:00")
                        .open(DayOfWeek.SATURDAY, "01:00-02:00")
                        .open(DayOfWeek.SUNDAY, "00:00-04:00", "22:00-24:00")
                        .holiday(LocalDate.of(2026, 7, 3)).build(),
                BusinessCalendar.builder("Kolkata", ZoneId.of("Asia/Kolkata"))
                        .weekdays("09:30-18:00").open(DayOfWeek.SATURDAY, "09:30-13:00").build(),
                BusinessCalendar.builder("Auckland", ZoneId.of("Pacific/Auckland"))
                        .weekdays("09:00-17:00").open(DayOfWeek.SUNDAY, "01:00-04:00")
                        .holiday(LocalDate.of(2026, 2, 6)).build());
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void deadlinesAgreeWithTheMinuteByMinuteOracle(BusinessCalendar calendar) {
        Random random = new Random(calendar.name().hashCode());
        for (int sample = 0; sample < 80; sample++) {
            Instant start = randomMinute(random);
            Duration amount = Duration.ofMinutes(random.nextInt(3 * 8 * 60));
            Instant deadline = calendar.plusBusinessTime(start, amount);
            String example = calendar.name() + ": " + start + " + " + amount + " = " + deadline;

            assertThat(calendar.businessTimeBetween(start, deadline)).as(example).isEqualTo(amount);
            assertThat(openMinutesByWallClock(calendar, start, deadline)).as(example).isEqualTo(amount.toMinutes());
            if (!amount.isZero()) {
                assertThat(calendar.businessTimeBetween(start, deadline.minus(Duration.ofMinutes(1))))
                        .as("earliest: " + example).isEqualTo(amount.minusMinutes(1));
            }
            Instant next = calendar.nextOpening(start);
            assertThat(calendar.isOpen(next)).as("next opening after " + start + " is " + next).isTrue();
            assertThat(openMinutesByWallClock(calendar, start, next)).as("next opening after " + start).isZero();
            assertThat(calendar.isOpen(start)).as(calendar.name() + " at " + start).isEqualTo(openByWallClock(calendar, start));
        }
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void roundTripsAtArbitraryPrecision(BusinessCalendar calendar) {
        Random random = new Random(42 + calendar.name().hashCode());
        for (int sample = 0; sample < 200; sample++) {
            Instant start = randomMinute(random).plusNanos(random.nextLong(60_000_000_000L));
            Duration amount = Duration.ofNanos(Math.floorMod(random.nextLong(), 45L * 24 * 3600 * 1_000_000_000L));
            Instant deadline = calendar.plusBusinessTime(start, amount);
            assertThat(calendar.businessTimeBetween(start, deadline))
                    .as(calendar.name() + ": " + start + " + " + amount).isEqualTo(amount);

            Instant middle = start.plus(Duration.between(start, deadline).dividedBy(3));
            assertThat(calendar.businessTimeBetween(start, middle).plus(calendar.businessTimeBetween(middle, deadline)))
                    .as("additive at " + middle).isEqualTo(amount);
        }
    }

    private static Instant randomMinute(Random random) {
        if (random.nextInt(3) == 0) {
            Instant transition = TRANSITIONS.get(random.nextInt(TRANSITIONS.size()));
            return transition.plus(random.nextInt(6 * 24 * 60) - 3 * 24 * 60, ChronoUnit.MINUTES);
        }
        return YEAR_START.plus(random.nextLong(MINUTES_IN_YEAR), ChronoUnit.MINUTES);
    }

    private static long openMinutesByWallClock(BusinessCalendar calendar, Instant from, Instant to) {
        long open = 0;
        for (Instant minute = from; minute.isBefore(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            if (openByWallClock(calendar, minute)) {
                open++;
            }
        }
        return open;
    }

    /** Open when the zone's wall clock reads a time inside one of the day's intervals. */
    private static boolean openByWallClock(BusinessCalendar calendar, Instant instant) {
        ZonedDateTime local = instant.atZone(calendar.zone());
        if (calendar.holidays().contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return calendar.hours(local.getDayOfWeek()).stream().anyMatch(interval ->
                !time.isBefore(interval.from()) && (interval.endsAtMidnight() || time.isBefore(interval.to())));
    }
}
