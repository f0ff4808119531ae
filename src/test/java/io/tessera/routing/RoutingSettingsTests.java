package io.tessera.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tessera.routing.Availability.Status;

/** The value rules of routing settings: shifts (overnight, daylight saving), capacity, skills, strategies. */
class RoutingSettingsTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDayShiftIncludesItsStartAndExcludesItsEnd() {
        Shift day = Shift.parse("09:00", "17:00", "Europe/Berlin");

        assertThat(day.covers(Instant.parse("2026-01-15T08:00:00Z"))).as("09:00 Berlin").isTrue();
        assertThat(day.covers(Instant.parse("2026-01-15T07:59:00Z"))).isFalse();
        assertThat(day.covers(Instant.parse("2026-01-15T15:59:00Z"))).isTrue();
        assertThat(day.covers(Instant.parse("2026-01-15T16:00:00Z"))).as("17:00 Berlin").isFalse();
    }

    @Test
    void aShiftKeepsItsLocalHoursAcrossDaylightSaving() {
        Shift day = Shift.parse("09:00", "17:00", "Europe/Berlin");

        assertThat(day.covers(Instant.parse("2026-07-15T07:30:00Z"))).as("09:30 summer time").isTrue();
        assertThat(day.covers(Instant.parse("2026-07-15T15:30:00Z"))).as("17:30 summer time").isFalse();
    }

    @Test
    void aShiftEndingBeforeItStartsRunsOvernight() {
        Shift night = new Shift(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneId.of("UTC"));

        assertThat(night.covers(Instant.parse("2026-01-15T23:00:00Z"))).isTrue();
        assertThat(night.covers(Instant.parse("2026-01-15T05:59:00Z"))).isTrue();
        assertThat(night.covers(Instant.parse("2026-01-15T06:00:00Z"))).isFalse();
        assertThat(night.covers(Instant.parse("2026-01-15T12:00:00Z"))).isFalse();
    }

    @Test
    void badShiftsNameTheirField() {
        assertField(() -> Shift.parse("9am", "17:00", "Europe/Berlin"), "shift.start");
        assertField(() -> Shift.parse("09:00", null, "Europe/Berlin"), "shift.end");
        assertField(() -> Shift.parse("09:00", "17:00", "Mars/Olympus"), "shift.zone");
        assertField(() -> Shift.parse("09:00", "17:00", null), "shift.zone");
        assertField(() -> Shift.parse("09:00", "09:00", "UTC"), "shift.end");
        assertThat(Shift.parse("09:00", "17:30", " Europe/Berlin ").toString()).isEqualTo("09:00–17:30 Europe/Berlin");
    }

    @Test
    void availabilityNeedsAStatusAndAReasonableCapacity() {
        assertField(() -> new Availability(null, null, null), "status");
        assertField(() -> new Availability(Status.ONLINE, -1, null), "capacity");
        assertField(() -> new Availability(Status.ONLINE, Availability.MAX_CAPACITY + 1, null), "capacity");
        Availability away = new Availability(Status.AWAY, 0, new Shift(LocalTime.NOON, LocalTime.MIDNIGHT, BERLIN));
        assertThat(away.takesWorkAt(Instant.parse("2026-01-15T12:00:00Z"))).isFalse();
        assertThat(away.withStatus(Status.ONLINE).takesWorkAt(Instant.parse("2026-01-15T12:00:00Z"))).isTrue();
        assertThat(away.hasRoomFor(0)).isFalse();
        assertThat(Availability.DEFAULT.hasRoomFor(1_000_000)).isTrue();
    }

    @Test
    void skillsAreLowerCaseWordsAndRequiredSkillsAreReadLeniently() {
        assertThat(Skills.checked(List.of(" Billing", "lang:de", "billing", "tier-2", "größe"))).containsExactly("billing",
                "größe", "lang:de", "tier-2");
        assertField(() -> Skills.checked(List.of("two words")), "skills");
        assertField(() -> Skills.checked(List.of(":de")), "skills");
        assertField(() -> Skills.checked(List.of("x".repeat(61))), "skills");
        assertField(() -> Skills.checked(Arrays.asList("ok", null)), "skills");
        assertField(() -> Skills.checked(null), "skills");
        assertThat(Skills.required(Arrays.asList("LANG:DE", " ", null))).containsExactly("lang:de");
    }

    @Test
    void strategiesAreReadInAnyCase() {
        assertThat(Strategy.parse("least-loaded")).isEqualTo(Strategy.LEAST_LOADED);
        assertThat(Strategy.parse("ROUND_ROBIN")).isEqualTo(Strategy.ROUND_ROBIN);
        assertField(() -> Strategy.parse("random"), "strategy");
    }

    static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOf(InvalidRouting.class)
                .satisfies(e -> assertThat(((InvalidRouting) e).field()).isEqualTo(field));
    }
}
