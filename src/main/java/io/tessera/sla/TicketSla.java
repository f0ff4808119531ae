package io.tessera.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A ticket's SLA as people and the API see it: the policy's name and, per metric, the target's state.
 * {@code policy} is {@code null} when the policy that started the clocks has since been deleted.
 */
public record TicketSla(String policy, Map<SlaMetric, Target> targets) {

    /**
     * @param dueAt  when the target is due; {@code null} while paused (the deadline moves when it resumes)
     *               and once achieved
     */
    public record Target(SlaMetric metric, int targetMinutes, boolean businessHours, Instant dueAt, boolean paused,
                         boolean achieved, Instant achievedAt, boolean breached, Instant breachedAt) {

        /** Time left until the deadline (negative once past), for a running clock. */
        public Duration left(Instant now) {
            return dueAt == null ? null : Duration.between(now, dueAt);
        }

        /** The state in a word, for badges: running, paused, achieved, breached. */
        public String state() {
            if (breached) {
                return "breached";
            }
            if (achieved) {
                return "achieved";
            }
            return paused ? "paused" : "running";
        }

        static Target of(SlaClock c) {
            boolean paused = !c.running() && !c.achieved();
            return new Target(c.metric(), c.targetMinutes(), c.businessHours(), c.running() ? c.dueAt() : null, paused,
                    c.achieved(), c.achievedAt(), c.breached(), c.breachedAt());
        }
    }
}
