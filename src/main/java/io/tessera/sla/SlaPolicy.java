package io.tessera.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tessera.ticket.Priority;
import io.tessera.view.Conditions;

/**
 * An SLA policy: the first enabled policy, in admin order, whose conditions match a ticket applies to it,
 * with its targets for the ticket's priority. Targets in business hours are measured on {@code calendarId}'s
 * calendar (a policy without a calendar measures everything in calendar time).
 */
public record SlaPolicy(long id, String name, String description, boolean enabled, int position, Conditions conditions,
                        Long calendarId, int warningMinutes, List<SlaTarget> targets, Instant createdAt,
                        Instant updatedAt) {

    public SlaPolicy {
        targets = List.copyOf(targets);
    }

    public Optional<SlaTarget> target(Priority priority, SlaMetric metric) {
        return targets.stream().filter(t -> t.priority() == priority && t.metric() == metric).findFirst();
    }

    public Duration warningLead() {
        return Duration.ofMinutes(warningMinutes);
    }
}
