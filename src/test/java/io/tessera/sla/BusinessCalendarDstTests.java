package io.tessera.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Daylight saving time and zones far from UTC. Intervals are placed in real instants of the calendar's
 * zone: a time that happens twice is its first occurrence, a time that does not exist is the instant the
 * clocks jump (see {@link WallClock}). In 2026 Berlin springs forward on 29 March (02:00 → 03:00) and
 * falls back on 25 October (03:00 → 02:00); New York on 8 March (02:00 → 03:00) and 1 November
 * (02:00 → 01:00); Auckland falls back on 5 April (03:00 → 02:00).
 */
class BusinessCalendarDstTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    static BusinessCalendar sundays(ZoneId zone, String... intervals) {
        return BusinessCalendar.builder("Sunday night shift", zone).open(DayOfWeek.SUNDAY, intervals).build();
    }

    static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Nested
    class Berlin {

        @Test
        void springForwardLeavesOneRealHourIn0100To0300() {
            BusinessCalendar calendar = sundays(BERLIN, "01:00-03:00");
            // 01:00 CET is 00:00Z; 03:00 CEST is 01:00Z
            assertThat(calendar.businessTimeBetween(utc("2026-03-28T12:00:00Z"), utc("2026-03-29T12:00:00Z")))
                    .isEqualTo(Duration.ofHours(1));
            assertThat(calendar.nextOpening(utc("2026-03-28T12:00:00Z"))).isEqualTo(utc("2026-03-29T00:00:00Z"));
            assertThat(calendar.plusBusinessTime(utc("2026-03-29T00:00:00Z"), Duration.ofHours(1)))
                    .isEqualTo(utc("2026-03-29T01:00:00Z"));
            assertThat(calendar.isOpen(utc("2026-03-29T01:00:00Z"))).isFalse();
        }

        @Test
        void anIntervalInsideTheSkippedHourIsEmptyThatNight() {
            BusinessCalendar calendar = sundays(BERLIN, "02:00-03:00");
            assertThat(calendar.businessTimeBetween(utc("2026-03-28T12:00:00Z"), utc("2026-03-29T12:00:00Z"))).isZero();
            assertThat(calendar.nextOpening(utc("2026-03-28T12:00:00Z")))
                    .as("the next Sunday's 02:00 CEST").isEqualTo(utc("2026-04-05T00:00:00Z"));
        }

        @Test
        void anIntervalStartingInTheSkippedHourOpensWhenTheClocksJump() {
            BusinessCalendar calendar = sundays(BERLIN, "02:30-04:00");
            assertThat(calendar.nextOpening(utc("2026-03-28T12:00:00Z")))
                    .as("03:00 CEST").isEqualTo(utc("2026-03-29T01:00:00Z"));
            assertThat(calendar.businessTimeBetween(utc("2026-03-28T12:00:00Z"), utc("2026-03-29T12:00:00Z")))
                    .isEqualTo(Duration.ofHours(1));
        }

        @Test
        void fallBackCountsTheRepeatedHourTwice() {
            BusinessCalendar calendar = sundays(BERLIN, "02:00-03:00");
            // 02:00 CEST is 00:00Z, 03:00 CET is 02:00Z
            assertThat(calendar.businessTimeBetween(utc("2026-10-24T12:00:00Z"), utc("2026-10-25T12:00:00Z")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(calendar.isOpen(utc("2026-10-25T00:30:00Z"))).as("the first 02:30").isTrue();
            assertThat(calendar.isOpen(utc("2026-10-25T01:30:00Z"))).as("the second 02:30").isTrue();
            assertThat(calendar.isOpen(utc("2026-10-25T02:00:00Z"))).as("03:00 CET").isFalse();
            assertThat(calendar.plusBusinessTime(utc("2026-10-25T00:00:00Z"), Duration.ofMinutes(90)))
                    .isEqualTo(utc("2026-10-25T01:30:00Z"));
        }

        @Test
        void fallBackMakes0100To0300ThreeRealHours() {
            assertThat(sundays(BERLIN, "01:00-03:00")
                    .businessTimeBetween(utc("2026-10-24T12:00:00Z"), utc("2026-10-25T12:00:00Z")))
                    .isEqualTo(Duration.ofHours(3));
        }

        @Test
        void aRoundTheClockCalendarFollowsTheRealLengthOfTheDay() {
            BusinessCalendar calendar = BusinessCalendar.builder("Always, in Berlin", BERLIN).everyDay("00:00-24:00").build();
            assertThat(calendar.businessTimeBetween(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN)))
                    .isEqualTo(Duration.ofHours(23));
            assertThat(calendar.businessTimeBetween(at("2026-10-25T00:00", BERLIN), at("2026-10-26T00:00", BERLIN)))
                    .isEqualTo(Duration.ofHours(25));
            assertThat(calendar.plusBusinessTime(at("2026-03-29T00:00", BERLIN), Duration.ofHours(24)))
                    .isEqualTo(at("2026-03-30T01:00", BERLIN));
        }

        @Test
        void aWeekdayDeadlineAcrossTheTransitionKeepsItsWallClockTime() {
            BusinessCalendar calendar = BusinessCalendarTests.NINE_TO_FIVE;
            assertThat(calendar.plusBusinessTime(at("2026-03-27T16:00", BERLIN), Duration.ofHours(2)))
                    .isEqualTo(at("2026-03-30T10:00", BERLIN));
            assertThat(calendar.plusBusinessTime(at("2026-10-23T16:00", BERLIN), Duration.ofHours(2)))
                    .isEqualTo(at("2026-10-26T10:00", BERLIN));
        }
    }

    @Nested
    class NewYork {

        @Test
        void springForwardSkips0200To0300() {
            BusinessCalendar calendar = sundays(NEW_YORK, "00:00-04:00");
            // 00:00 EST is 05:00Z, 04:00 EDT is 08:00Z
            assertThat(calendar.businessTimeBetween(utc("2026-03-07T12:00:00Z"), utc("2026-03-08T12:00:00Z")))
                    .isEqualTo(Duration.ofHours(3));
            assertThat(calendar.plusBusinessTime(utc("2026-03-08T05:00:00Z"), Duration.ofHours(2)))
                    .as("two hours after midnight the clock reads 03:00 EDT").isEqualTo(utc("2026-03-08T07:00:00Z"));
        }

        @Test
        void fallBackRepeats0100To0200() {
            BusinessCalendar calendar = sundays(NEW_YORK, "01:00-02:00");
            // 01:00 EDT is 05:00Z, 02:00 EST is 07:00Z
            assertThat(calendar.businessTimeBetween(utc("2026-10-31T12:00:00Z"), utc("2026-11-01T12:00:00Z")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(calendar.nextOpening(utc("2026-10-31T12:00:00Z"))).isEqualTo(utc("2026-11-01T05:00:00Z"));
            assertThat(calendar.isOpen(utc("2026-11-01T06:30:00Z"))).as("01:30 EST").isTrue();
            assertThat(sundays(NEW_YORK, "00:00-04:00")
                    .businessTimeBetween(utc("2026-10-31T12:00:00Z"), utc("2026-11-01T12:00:00Z")))
                    .isEqualTo(Duration.ofHours(5));
        }
    }

    @Nested
    class FarFromUtc {

        final BusinessCalendar auckland = BusinessCalendar.builder("Auckland office", AUCKLAND)
                .weekdays("09:00-17:00").build();
        final BusinessCalendar kolkata = BusinessCalendar.builder("Kolkata office", KOLKATA)
                .weekdays("09:30-18:00").build();

        @Test
        void aucklandsMondayBeginsOnSundayInUtc() {
            // NZST is UTC+12 in June: Monday 09:00 is Sunday 21:00Z
            assertThat(auckland.isOpen(utc("2026-06-07T21:00:00Z"))).isTrue();
            assertThat(auckland.isOpen(utc("2026-06-07T20:59:00Z"))).isFalse();
            assertThat(auckland.nextOpening(utc("2026-06-06T12:00:00Z"))).isEqualTo(utc("2026-06-07T21:00:00Z"));
            assertThat(auckland.isOpen(utc("2026-06-12T05:00:00Z"))).as("Friday 17:00 NZST").isFalse();
        }

        @Test
        void aFridayToMondayDeadlineAcrossAucklandsFallBack() {
            // Friday 3 April 16:00 NZDT (+13) is 03:00Z; Monday 6 April 10:00 NZST (+12) is Sunday 22:00Z
            Instant created = utc("2026-04-03T03:00:00Z");
            Instant due = auckland.plusBusinessTime(created, Duration.ofHours(2));
            assertThat(due).isEqualTo(utc("2026-04-05T22:00:00Z"));
            assertThat(Duration.between(created, due)).as("an hour more than the 66 of a weekend without the change").isEqualTo(Duration.ofHours(67));
            assertThat(auckland.businessTimeBetween(created, due)).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void kolkataIsHalfAnHourOffTheUtcHour() {
            // IST is UTC+05:30: 09:30 is 04:00Z and 18:00 is 12:30Z
            assertThat(kolkata.isOpen(utc("2026-03-06T04:00:00Z"))).isTrue();
            assertThat(kolkata.isOpen(utc("2026-03-06T12:29:59Z"))).isTrue();
            assertThat(kolkata.isOpen(utc("2026-03-06T12:30:00Z"))).isFalse();
            assertThat(kolkata.plusBusinessTime(utc("2026-03-06T12:00:00Z"), Duration.ofHours(1)))
                    .as("Friday 17:30 IST + 1 h is Monday 10:00 IST").isEqualTo(utc("2026-03-09T04:30:00Z"));
        }
    }
}
