package io.tessera.view.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.tessera.shared.BriefDuration;

/**
 * The time-to-breach badge of a list row: "45 m left", "3 h 10 m left", "2 d left", or "1 h 5 m overdue",
 * coloured by how close the ticket's next SLA deadline is (docs/sla.md). Read from the ticket row, so a
 * page of 50 tickets costs no extra query.
 */
@Component("deadlineBadges")
class DeadlineBadges {

    /** Within this, a deadline shows as "soon" (amber). */
    private static final Duration SOON = Duration.ofHours(1);

    record Badge(String text, String state) {
    }

    private final Clock clock;

    DeadlineBadges(Clock clock) {
        this.clock = clock;
    }

    public Badge of(Instant due) {
        if (due == null) {
            return null;
        }
        Duration left = Duration.between(clock.instant(), due);
        if (left.isNegative()) {
            return new Badge(BriefDuration.of(left) + " overdue", "breached");
        }
        return new Badge(BriefDuration.of(left) + " left", left.compareTo(SOON) <= 0 ? "soon" : "ok");
    }
}
