package io.tessera.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Calendars that cannot be used are refused when built, with a message naming the day. */
class BusinessCalendarValidationTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static BusinessCalendar.Builder support() {
        return BusinessCalendar.builder("Support", BERLIN);
    }

    @Test
    void overlappingIntervalsAreRefusedNamingTheDay() {
        assertThatExceptionOfType(InvalidBusinessHoursException.class)
                .isThrownBy(() -> support().open(DayOfWeek.TUESDAY, "13:00-17:00", "09:00-13:30").build())
                .withMessage("calendar 'Support', Tuesday: 09:00–13:30 overlaps 13:00–17:00")
                .satisfies(e -> assertThat(e.day()).isEqualTo(DayOfWeek.TUESDAY));
        assertThatExceptionOfType(InvalidBusinessHoursException.class)
                .isThrownBy(() -> support().open(DayOfWeek.FRIDAY, "08:00-24:00", "22:00-23:00").build())
                .withMessageContaining("Friday");
    }

    @Test
    void touchingIntervalsAreFine() {
        BusinessCalendar calendar = support().open(DayOfWeek.MONDAY, "12:00-17:00", "09:00-12:00").build();
        assertThat(calendar.hours(DayOfWeek.MONDAY)).extracting(OpeningInterval::toString)
                .containsExactly("09:00–12:00", "12:00–17:00");
    }

    @Test
    void emptyAndReversedIntervalsAreRefusedNamingTheDay() {
        assertThatExceptionOfType(InvalidBusinessHoursException.class)
                .isThrownBy(() -> support().open(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(9, 0)))
                .withMessage("calendar 'Support', Wednesday: the interval 09:00–09:00 is empty");
        assertThatExceptionOfType(InvalidBusinessHoursException.class)
                .isThrownBy(() -> support().open(DayOfWeek.SATURDAY, "22:00-06:00"))
                .withMessageContaining("Saturday").withMessageContaining("ends before it starts");
        assertThatExceptionOfType(InvalidBusinessHoursException.class)
                .isThrownBy(() -> support().open(DayOfWeek.SUNDAY, "nine to five"))
                .withMessageContaining("Sunday").withMessageContaining("not an interval");
    }

    @Test
    void aCalendarWithoutOpeningHoursIsRefused() {
        assertThatExceptionOfType(InvalidBusinessHoursException.class)
                .isThrownBy(() -> support().build())
                .withMessage("calendar 'Support': no opening hours on any day of the week")
                .satisfies(e -> assertThat(e.day()).isNull());
        assertThatExceptionOfType(InvalidBusinessHoursException.class)
                .isThrownBy(() -> new BusinessCalendar("Empty", BERLIN, Map.of(DayOfWeek.MONDAY, List.of()), Set.of()));
    }

    @Test
    void aCalendarNeedsANameAndAZone() {
        assertThatIllegalArgumentException().isThrownBy(() -> BusinessCalendar.builder(" ", BERLIN).weekdays("09:00-17:00").build());
        assertThatExceptionOfType(NullPointerException.class)
                .isThrownBy(() -> BusinessCalendar.builder("Support", null).weekdays("09:00-17:00").build());
    }

    @Test
    void midnightCanEndAnInterval() {
        assertThat(OpeningInterval.parse("18:00-24:00")).isEqualTo(OpeningInterval.untilMidnight(LocalTime.of(18, 0)));
        assertThat(OpeningInterval.parse("18:00-24:00").endsAtMidnight()).isTrue();
        assertThat(OpeningInterval.parse("00:00-24:00").toString()).isEqualTo("00:00–24:00");
        assertThat(OpeningInterval.of(LocalTime.of(18, 0), LocalTime.MIDNIGHT).endsAtMidnight()).isTrue();
        assertThat(OpeningInterval.parse("09:00-17:00").endsAtMidnight()).isFalse();
    }

    @Test
    void theCalendarCannotBeChangedAfterBuilding() {
        BusinessCalendar calendar = support().weekdays("09:00-17:00").holiday(java.time.LocalDate.of(2026, 12, 25)).build();
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> calendar.holidays().add(java.time.LocalDate.of(2026, 12, 26)));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> calendar.hours(DayOfWeek.MONDAY).add(OpeningInterval.parse("18:00-19:00")));
    }
}
