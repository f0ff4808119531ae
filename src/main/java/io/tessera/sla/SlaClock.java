package io.tessera.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.tessera.shared.TicketId;

/**
 * One ticket's clock for one metric, and the arithmetic of its life: start, pause, resume, retarget,
 * achieve. {@code time} is the calendar the target is measured on ({@link BusinessCalendar#always()} for
 * calendar time). While the clock runs, {@code dueAt} is {@code runningSince} plus what is left of the
 * target ({@code target − used}) on that calendar; pausing adds the time since {@code runningSince} to
 * {@code used}, so resuming later moves the deadline by exactly the paused stretch. Values, not entities:
 * every step returns a new clock, so the rules are easy to test with a controllable clock. Time is kept to
 * the microsecond, the databases' precision, so a deadline read back is the deadline computed.
 *
 * @param warnAt when the warning is due: {@code dueAt} minus the policy's lead, in plain time, never before
 *               the clock started running
 */
public record SlaClock(TicketId ticket, SlaMetric metric, Long policyId, int targetMinutes, boolean businessHours,
                       Instant startedAt, Instant runningSince, long usedMicros, Instant dueAt, Instant warnAt,
                       Instant warnedAt, Instant breachedAt, Instant achievedAt) {

    public static SlaClock start(TicketId ticket, SlaMetric metric, Long policyId, SlaTarget target, BusinessCalendar time,
                                 Duration lead, Instant at) {
        return new SlaClock(ticket, metric, policyId, target.minutes(), target.businessHours(), at, null, 0, null, null,
                null, null, null).resume(at, time, lead);
    }

    public boolean running() {
        return runningSince != null;
    }

    public boolean achieved() {
        return achievedAt != null;
    }

    public boolean breached() {
        return breachedAt != null;
    }

    /** Stops the clock, keeping the time used so far. */
    public SlaClock pause(Instant now, BusinessCalendar time) {
        if (!running()) {
            return this;
        }
        long used = usedMicros + time.businessTimeBetween(runningSince, now).toNanos() / 1000;
        return new SlaClock(ticket, metric, policyId, targetMinutes, businessHours, startedAt, null, used, dueAt, null,
                warnedAt, breachedAt, achievedAt);
    }

    /** Runs the clock again from {@code now} with what is left of the target. */
    public SlaClock resume(Instant now, BusinessCalendar time, Duration lead) {
        if (running() || achieved()) {
            return this;
        }
        return schedule(now, usedMicros, targetMinutes, time, lead);
    }

    /** The target was met at {@code now}: the clock stops for good (a breach recorded earlier stays). */
    public SlaClock achieve(Instant now, BusinessCalendar time) {
        if (achieved()) {
            return this;
        }
        SlaClock paused = pause(now, time);
        return new SlaClock(ticket, metric, policyId, targetMinutes, businessHours, startedAt, null, paused.usedMicros,
                paused.dueAt, null, warnedAt, breachedAt, now);
    }

    /** The ticket was reopened: an achieved resolution counts on from where it stopped. */
    public SlaClock reopen(Instant now, BusinessCalendar time, Duration lead) {
        if (!achieved()) {
            return this;
        }
        return new SlaClock(ticket, metric, policyId, targetMinutes, businessHours, startedAt, null, usedMicros, dueAt,
                null, warnedAt, breachedAt, null).resume(now, time, lead);
    }

    /**
     * A new target (the priority or the policy changed): the time used stays, the deadline moves. {@code time}
     * is the calendar of the new target.
     */
    public SlaClock retarget(Long policy, SlaTarget target, Instant now, BusinessCalendar oldTime, BusinessCalendar time,
                             Duration lead) {
        if (achieved()) {
            return new SlaClock(ticket, metric, policy, target.minutes(), target.businessHours(), startedAt, null,
                    usedMicros, dueAt, null, warnedAt, breachedAt, achievedAt);
        }
        SlaClock retargeted = new SlaClock(ticket, metric, policy, target.minutes(), target.businessHours(), startedAt,
                runningSince, usedMicros, dueAt, warnAt, warnedAt, breachedAt, null);
        if (!running()) {
            return retargeted;
        }
        SlaClock paused = retargeted.pause(now, oldTime);
        return paused.schedule(now, paused.usedMicros, target.minutes(), time, lead);
    }

    public boolean sameTarget(Long policy, SlaTarget target) {
        return java.util.Objects.equals(policyId, policy) && targetMinutes == target.minutes()
                && businessHours == target.businessHours();
    }

    /**
     * When the scanner must look next: the warning, then the deadline; {@code null} when nothing is left to
     * fire (paused, achieved, or breached).
     */
    public Instant nextCheckAt() {
        if (!running() || breached()) {
            return null;
        }
        return warnedAt == null && warnAt != null ? warnAt : dueAt;
    }

    /** The scanner found the warning due: recorded once. */
    public SlaClock warned(Instant now) {
        return new SlaClock(ticket, metric, policyId, targetMinutes, businessHours, startedAt, runningSince, usedMicros,
                dueAt, warnAt, now, breachedAt, achievedAt);
    }

    /** The scanner found the deadline passed: recorded once, at the deadline itself (what reports count). */
    public SlaClock breachedAtDeadline() {
        return new SlaClock(ticket, metric, policyId, targetMinutes, businessHours, startedAt, runningSince, usedMicros,
                dueAt, warnAt, warnedAt == null ? dueAt : warnedAt, dueAt, achievedAt);
    }

    private SlaClock schedule(Instant now, long used, int minutes, BusinessCalendar time, Duration lead) {
        Duration left = Duration.ofMinutes(minutes).minus(Duration.of(used, ChronoUnit.MICROS));
        Instant due;
        if (left.isNegative() || left.isZero()) {
            // Already overdue when it starts running again: the deadline is where it was (or now, if it never had one).
            due = breached() ? breachedAt : now;
        } else {
            due = time.plusBusinessTime(now, left);
        }
        Instant warn = due.minus(lead);
        if (warn.isBefore(now)) {
            warn = now;
        }
        return new SlaClock(ticket, metric, policyId, minutes, businessHours, startedAt, now, used, due,
                warnedAt == null && !breached() ? warn : null, warnedAt, breachedAt, achievedAt);
    }
}
