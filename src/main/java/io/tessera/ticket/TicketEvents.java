package io.tessera.ticket;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ticket's own events. */
public final class TicketEvents {

    private TicketEvents() {
    }

    public record TicketCreated(String subject, TicketStatus status, Priority priority, Channel channel,
                                Long requesterId, Long teamId, Long assigneeId) implements TicketEvent {
        public String type() {
            return "ticket_created";
        }

        public Map<String, Object> payload() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("subject", subject);
            values.put("status", status.name());
            values.put("priority", priority.name());
            values.put("channel", channel.name());
            values.put("requesterId", requesterId);
            values.put("teamId", teamId);
            values.put("assigneeId", assigneeId);
            return values;
        }
    }

    public record StatusChanged(TicketStatus from, TicketStatus to) implements TicketEvent {
        public String type() {
            return "status_changed";
        }

        public Map<String, Object> payload() {
            return Map.of("from", from.name(), "to", to.name());
        }
    }
}
