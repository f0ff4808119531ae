package io.tessera.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.tessera.shared.TicketId;
import io.tessera.ticket.Priority;

/** The clock's arithmetic on its own: pause and resume, retarget, achieve, what the scanner looks at next. */
class SlaClockTests {

    static final TicketId TICKET = TicketId.of(1);
    static final Duration LEAD = Duration.ofMinutes(30);
    static final BusinessCalendar ALWAYS = BusinessCalendar.always();
    /** Monday to Friday 09:00–17:00 in Berlin. 2026-03-02 is a Monday. */
    static final BusinessCalendar OFFICE = BusinessCalendar.builder("Office", ZoneId.of("Europe/Berlin"))
            .weekdays("09:00-17:00").build();
    static final Instant MONDAY_10 = Instant.parse("2026-03-02T09:00:00Z"); // 10:00 in Berlin

    static SlaTarget target(int minutes, boolean business) {
        return new SlaTarget(Priority.NORMAL, SlaMetric.RESOLUTION, minutes, business);
    }

    @Test
    void aStartedClockIsDueAfterItsTargetAndWarnsTheLeadBefore() {
        SlaClock clock = SlaClock.start(TICKET, SlaMetric.RESOLUTION, 7L, target(240, false), ALWAYS, LEAD, MONDAY_10);

        assertThat(clock.running()).isTrue();
        assertThat(clock.dueAt()).isEqualTo(MONDAY_10.plus(Duration.ofHours(4)));
        assertThat(clock.warnAt()).isEqualTo(MONDAY_10.plus(Duration.ofMinutes(210)));
        assertThat(clock.nextCheckAt()).isEqualTo(clock.warnAt());
        assertThat(clock.warned(clock.warnAt()).nextCheckAt()).isEqualTo(clock.dueAt());
        assertThat(clock.warned(clock.warnAt()).breachedAtDeadline().nextCheckAt()).as("nothing left to fire").isNull();
    }

    @Test
    void aLeadLongerThanTheTargetWarnsAtTheStartNotBefore() {
        SlaClock clock = SlaClock.start(TICKET, SlaMetric.RESOLUTION, 7L, target(20, false), ALWAYS, LEAD, MONDAY_10);

        assertThat(clock.warnAt()).isEqualTo(MONDAY_10);
    }

    @Test
    void pausingKeepsTheTimeUsedAndResumingMovesTheDeadlineByThePause() {
        SlaClock clock = SlaClock.start(TICKET, SlaMetric.RESOLUTION, 7L, target(240, false), ALWAYS, LEAD, MONDAY_10);

        SlaClock paused = clock.pause(MONDAY_10.plus(Duration.ofHours(1)), ALWAYS);
        assertThat(paused.running()).isFalse();
        assertThat(paused.usedMicros()).isEqualTo(Duration.ofHours(1).toNanos() / 1000);
        assertThat(paused.nextCheckAt()).as("a paused clock fires nothing").isNull();

        SlaClock resumed = paused.resume(MONDAY_10.plus(Duration.ofHours(25)), ALWAYS, LEAD);
        assertThat(resumed.dueAt()).isEqualTo(MONDAY_10.plus(Duration.ofHours(28)));
    }

    @Test
    void inBusinessHoursTheClockOnlyCountsOpenTime() {
        // 10:00 Monday + 8 business hours = 10:00 Tuesday (17:00 closes, 09:00 opens).
        SlaClock clock = SlaClock.start(TICKET, SlaMetric.RESOLUTION, 7L, target(8 * 60, true), OFFICE, LEAD, MONDAY_10);
        assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));

        // Paused from 16:00 Monday to 11:00 Tuesday: 6 h used, 2 h left from 11:00 → 13:00 Tuesday (Berlin).
        SlaClock paused = clock.pause(Instant.parse("2026-03-02T15:00:00Z"), OFFICE);
        assertThat(paused.usedMicros()).isEqualTo(Duration.ofHours(6).toNanos() / 1000);
        SlaClock resumed = paused.resume(Instant.parse("2026-03-03T10:00:00Z"), OFFICE, LEAD);
        assertThat(resumed.dueAt()).isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
    }

    @Test
    void aNewTargetKeepsTheTimeUsedAndMovesTheDeadline() {
        SlaClock clock = SlaClock.start(TICKET, SlaMetric.RESOLUTION, 7L, target(240, false), ALWAYS, LEAD, MONDAY_10);

        SlaClock urgent = clock.retarget(7L, target(60, false), MONDAY_10.plus(Duration.ofMinutes(30)), ALWAYS, ALWAYS, LEAD);

        assertThat(urgent.targetMinutes()).isEqualTo(60);
        assertThat(urgent.dueAt()).isEqualTo(MONDAY_10.plus(Duration.ofHours(1)));
        assertThat(urgent.sameTarget(7L, target(60, false))).isTrue();
        assertThat(urgent.sameTarget(8L, target(60, false))).as("another policy").isFalse();
    }

    @Test
    void aClockOverdueWhenItResumesKeepsItsBreachedDeadline() {
        SlaClock clock = SlaClock.start(TICKET, SlaMetric.RESOLUTION, 7L, target(60, false), ALWAYS, LEAD, MONDAY_10);
        SlaClock breached = clock.breachedAtDeadline();
        SlaClock paused = breached.pause(MONDAY_10.plus(Duration.ofHours(2)), ALWAYS);

        SlaClock resumed = paused.resume(MONDAY_10.plus(Duration.ofHours(5)), ALWAYS, LEAD);

        assertThat(resumed.dueAt()).isEqualTo(MONDAY_10.plus(Duration.ofHours(1)));
        assertThat(resumed.nextCheckAt()).as("a breach is recorded once").isNull();
    }

    @Test
    void achievingStopsTheClockForGoodAndReopeningCountsOnFromWhereItStopped() {
        SlaClock clock = SlaClock.start(TICKET, SlaMetric.RESOLUTION, 7L, target(240, false), ALWAYS, LEAD, MONDAY_10);

        SlaClock met = clock.achieve(MONDAY_10.plus(Duration.ofHours(1)), ALWAYS);
        assertThat(met.achieved()).isTrue();
        assertThat(met.resume(MONDAY_10.plus(Duration.ofHours(2)), ALWAYS, LEAD)).as("achieved stays stopped").isEqualTo(met);

        SlaClock reopened = met.reopen(MONDAY_10.plus(Duration.ofHours(10)), ALWAYS, LEAD);
        assertThat(reopened.achieved()).isFalse();
        assertThat(reopened.dueAt()).isEqualTo(MONDAY_10.plus(Duration.ofHours(13)));
    }
}
