package io.tessera.sla;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tessera.ticket.TicketEvent;

/**
 * What the SLA scanner records in the ticket event log, with the system as actor: the timeline shows them,
 * and triggers on "SLA warning" / "SLA breached" act on them in the same transaction (docs/rules.md).
 */
public final class SlaEvents {

    public static final String WARNING = "sla_warning";
    public static final String BREACHED = "sla_breached";

    private SlaEvents() {
    }

    /** A deadline comes close: the policy's warning lead has been reached. */
    public record SlaWarning(SlaMetric metric, Instant dueAt) implements TicketEvent {
        public String type() {
            return WARNING;
        }

        public Map<String, Object> payload() {
            return describe(metric, dueAt);
        }
    }

    /** A deadline passed with its target not met. */
    public record SlaBreached(SlaMetric metric, Instant dueAt) implements TicketEvent {
        public String type() {
            return BREACHED;
        }

        public Map<String, Object> payload() {
            return describe(metric, dueAt);
        }
    }

    private static Map<String, Object> describe(SlaMetric metric, Instant dueAt) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("metric", metric.name());
        values.put("dueAt", dueAt.toString());
        return values;
    }
}
