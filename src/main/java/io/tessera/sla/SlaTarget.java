package io.tessera.sla;

import java.time.Duration;

import io.tessera.ticket.Priority;

/** One target of a policy: for tickets of this priority, this metric must be met within {@code minutes}. */
public record SlaTarget(Priority priority, SlaMetric metric, int minutes, boolean businessHours) {

    public Duration duration() {
        return Duration.ofMinutes(minutes);
    }
}
