package io.tessera.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Business-hours arithmetic on ordinary days (no DST transition nearby): weekends, lunch breaks,
 * holidays, edges of intervals, long spans, and the 24/7 calendar. Dates are in January–April 2026;
 * 2026-01-09 is a Friday.
 */
class BusinessCalendarTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Mon–Fri 09:00–17:00, no lunch break. */
    static final BusinessCalendar NINE_TO_FIVE = BusinessCalendar.builder("Nine to five", BERLIN)
            .weekdays("09:00-17:00").build();

    /** Mon–Fri 09:00–12:00 and 13:00–17:00 (7 h a day), Good Friday and Easter Monday 2026 off. */
    static final BusinessCalendar SUPPORT = BusinessCalendar.builder("Support", BERLIN)
            .weekdays("09:00-12:00", "13:00-17:00")
            .holiday(LocalDate.of(2026, 4, 3))
            .holiday(LocalDate.of(2026, 4, 6))
            .build();

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Nested
    class Deadlines {

        @Test
        void fridayAfternoonPlusTwoHoursIsMondayMorning() {
            assertThat(NINE_TO_FIVE.plusBusinessTime(berlin("2026-01-09T16:00"), Duration.ofHours(2)))
                    .isEqualTo(berlin("2026-01-12T10:00"));
        }

        @Test
        void aDeadlineCanBeAClosingTime() {
            assertThat(NINE_TO_FIVE.plusBusinessTime(berlin("2026-01-09T16:00"), Duration.ofHours(1)))
                    .isEqualTo(berlin("2026-01-09T17:00"));
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-01-07T11:00"), Duration.ofHours(1)))
                    .as("ends at the start of lunch, not after it").isEqualTo(berlin("2026-01-07T12:00"));
        }

        @Test
        void theLunchBreakDoesNotCount() {
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-01-07T11:30"), Duration.ofHours(1)))
                    .isEqualTo(berlin("2026-01-07T13:30"));
        }

        @Test
        void startBeforeOpeningCountsFromTheOpening() {
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-01-07T06:15"), Duration.ofMinutes(90)))
                    .isEqualTo(berlin("2026-01-07T10:30"));
        }

        @Test
        void startAfterClosingCountsFromTheNextOpening() {
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-01-07T19:00"), Duration.ofMinutes(30)))
                    .isEqualTo(berlin("2026-01-08T09:30"));
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-01-07T17:00"), Duration.ofHours(4)))
                    .as("exactly at closing").isEqualTo(berlin("2026-01-08T14:00"));
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-01-10T10:00"), Duration.ofHours(1)))
                    .as("on a Saturday").isEqualTo(berlin("2026-01-12T10:00"));
        }

        @Test
        void startExactlyAtOpening() {
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-01-07T09:00"), Duration.ofHours(3)))
                    .isEqualTo(berlin("2026-01-07T12:00"));
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-01-07T13:00"), Duration.ofMinutes(1)))
                    .isEqualTo(berlin("2026-01-07T13:01"));
        }

        @Test
        void zeroIsTheStartItselfEvenWhenClosed() {
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-01-10T10:00"), Duration.ZERO))
                    .isEqualTo(berlin("2026-01-10T10:00"));
        }

        @Test
        void negativeAmountsAreRefused() {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> SUPPORT.plusBusinessTime(berlin("2026-01-07T10:00"), Duration.ofMinutes(-1)))
                    .withMessageContaining("negative");
        }

        @Test
        void deadlinesSpanningWeeks() {
            // 40 h at 7 h a day: five full days (35 h), then 3 h + 2 h on the next Monday
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-01-05T09:00"), Duration.ofHours(40)))
                    .isEqualTo(berlin("2026-01-12T15:00"));
            // 200 h: 28 business days (five weeks and three days) and 4 h
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-01-05T09:00"), Duration.ofHours(200)))
                    .isEqualTo(berlin("2026-02-12T14:00"));
        }
    }

    @Nested
    class Holidays {

        @Test
        void aHolidayOnTheMondayAfterTheWeekend() {
            // Thursday before Easter; Good Friday, the weekend and Easter Monday are closed
            assertThat(SUPPORT.plusBusinessTime(berlin("2026-04-02T16:00"), Duration.ofHours(2)))
                    .isEqualTo(berlin("2026-04-07T10:00"));
            assertThat(SUPPORT.isOpen(berlin("2026-04-06T10:00"))).isFalse();
            assertThat(SUPPORT.nextOpening(berlin("2026-04-02T17:00"))).isEqualTo(berlin("2026-04-07T09:00"));
        }

        @Test
        void holidaysAddNoBusinessTime() {
            assertThat(SUPPORT.businessTimeBetween(berlin("2026-04-02T00:00"), berlin("2026-04-08T00:00")))
                    .as("Thursday and Tuesday only").isEqualTo(Duration.ofHours(14));
        }
    }

    @Nested
    class OpenAndNextOpening {

        @Test
        void intervalsIncludeTheirStartAndExcludeTheirEnd() {
            assertThat(SUPPORT.isOpen(berlin("2026-01-07T09:00"))).isTrue();
            assertThat(SUPPORT.isOpen(berlin("2026-01-07T08:59:59.999"))).isFalse();
            assertThat(SUPPORT.isOpen(berlin("2026-01-07T11:59:59.999"))).isTrue();
            assertThat(SUPPORT.isOpen(berlin("2026-01-07T12:00"))).isFalse();
            assertThat(SUPPORT.isOpen(berlin("2026-01-07T13:00"))).isTrue();
            assertThat(SUPPORT.isOpen(berlin("2026-01-07T17:00"))).isFalse();
            assertThat(SUPPORT.isOpen(berlin("2026-01-10T10:00"))).as("Saturday").isFalse();
        }

        @Test
        void nextOpeningIsTheInstantItselfWhenOpen() {
            assertThat(SUPPORT.nextOpening(berlin("2026-01-07T10:17"))).isEqualTo(berlin("2026-01-07T10:17"));
            assertThat(SUPPORT.nextOpening(berlin("2026-01-07T09:00"))).isEqualTo(berlin("2026-01-07T09:00"));
        }

        @Test
        void nextOpeningSkipsLunchNightsAndWeekends() {
            assertThat(SUPPORT.nextOpening(berlin("2026-01-07T12:00"))).isEqualTo(berlin("2026-01-07T13:00"));
            assertThat(SUPPORT.nextOpening(berlin("2026-01-07T02:00"))).isEqualTo(berlin("2026-01-07T09:00"));
            assertThat(SUPPORT.nextOpening(berlin("2026-01-09T17:00"))).isEqualTo(berlin("2026-01-12T09:00"));
        }
    }

    @Nested
    class BusinessTimeBetween {

        @Test
        void countsOnlyOpenTime() {
            assertThat(SUPPORT.businessTimeBetween(berlin("2026-01-07T11:00"), berlin("2026-01-07T14:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(SUPPORT.businessTimeBetween(berlin("2026-01-09T16:00"), berlin("2026-01-12T10:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(SUPPORT.businessTimeBetween(berlin("2026-01-10T08:00"), berlin("2026-01-11T20:00")))
                    .as("a weekend").isZero();
        }

        @Test
        void isZeroWhenToIsNotAfterFrom() {
            assertThat(SUPPORT.businessTimeBetween(berlin("2026-01-07T10:00"), berlin("2026-01-07T10:00"))).isZero();
            assertThat(SUPPORT.businessTimeBetween(berlin("2026-01-07T11:00"), berlin("2026-01-07T10:00"))).isZero();
        }

        @Test
        void aYearIsFiftyTwoWeeksOfThirtyFiveHours() {
            // 2026-01-05 and 2027-01-04 are Mondays; Support's two holidays fall in between
            assertThat(SUPPORT.businessTimeBetween(berlin("2026-01-05T00:00"), berlin("2027-01-04T00:00")))
                    .isEqualTo(Duration.ofHours(52 * 35 - 2 * 7));
        }

        @Test
        void tenYearsOfBusinessTimeTakeDayStepsNotMinuteSteps() {
            Instant start = berlin("2026-01-05T09:00");
            Duration tenYears = Duration.ofHours(10 * 52 * 35);
            long began = System.nanoTime();
            Instant deadline = SUPPORT.plusBusinessTime(start, tenYears);
            assertThat(SUPPORT.businessTimeBetween(start, deadline)).isEqualTo(tenYears);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Nested
    class CalendarTime {

        private final BusinessCalendar always = BusinessCalendar.always();

        @Test
        void isAlwaysOpen() {
            Instant instant = Instant.parse("2026-01-10T03:17:00Z");
            assertThat(always.isOpen(instant)).isTrue();
            assertThat(always.isOpen(Instant.parse("2026-01-10T00:00:00Z"))).isTrue();
            assertThat(always.nextOpening(instant)).isEqualTo(instant);
        }

        @Test
        void businessTimeIsCalendarTime() {
            Instant start = Instant.parse("2026-01-09T16:00:00Z");
            assertThat(always.plusBusinessTime(start, Duration.ofDays(30))).isEqualTo(start.plus(Duration.ofDays(30)));
            assertThat(always.businessTimeBetween(start, start.plus(Duration.ofHours(366 * 24))))
                    .isEqualTo(Duration.ofHours(366 * 24));
        }
    }
}
